namespace JailCluster.Kernel.Placement;

using Orleans.Placement;

/// <summary>Marks a grain class for <see cref="OldestSiloPlacementStrategy"/>.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class OldestSiloPlacementAttribute : PlacementAttribute
{
    /// <summary>Creates the attribute.</summary>
    public OldestSiloPlacementAttribute()
        : base(OldestSiloPlacementStrategy.Instance)
    {
    }
}
