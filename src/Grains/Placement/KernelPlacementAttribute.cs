namespace JailCluster.Kernel.Placement;

using Orleans.Placement;

/// <summary>Marks a kernel grain class for <see cref="KernelPlacementStrategy"/>.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class KernelPlacementAttribute : PlacementAttribute
{
    /// <summary>Creates the attribute.</summary>
    public KernelPlacementAttribute()
        : base(KernelPlacementStrategy.Instance)
    {
    }
}
