namespace JailCluster.Hosts;

/// <summary>Where the grains of one simulated host are activated.</summary>
public enum KernelPlacement
{
    /// <summary>Spread every kernel object and thread over the silos, so loads and stores are remote calls.</summary>
    Spread = 0,

    /// <summary>Keep every grain of the host on one silo: the comparison case.</summary>
    HostLocal = 1,
}
