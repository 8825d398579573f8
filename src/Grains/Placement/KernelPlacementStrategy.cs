namespace JailCluster.Kernel.Placement;

/// <summary>
/// Places a simulated host's grains from their keys: spread over every silo (the default, so loads and
/// stores are remote calls), or all on one silo chosen by host (the comparison case).
/// </summary>
[GenerateSerializer, Immutable, Alias("jc.KernelPlacementStrategy")]
public sealed class KernelPlacementStrategy : PlacementStrategy
{
    /// <summary>The one instance.</summary>
    public static KernelPlacementStrategy Instance { get; } = new();
}
