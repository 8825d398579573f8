namespace JailCluster.Kernel.Placement;

/// <summary>
/// Places a cluster-wide record (the host directory, the panic log) on the oldest silo, the one most likely
/// to outlive the others: the primary of a localhost cluster, whose death ends the cluster anyway.
/// </summary>
[GenerateSerializer, Immutable, Alias("jc.OldestSiloPlacementStrategy")]
public sealed class OldestSiloPlacementStrategy : PlacementStrategy
{
    /// <summary>The one instance.</summary>
    public static OldestSiloPlacementStrategy Instance { get; } = new();
}
