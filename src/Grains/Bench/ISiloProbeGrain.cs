namespace JailCluster.Kernel.Bench;

/// <summary>
/// What the benchmark reads from inside one silo. A stateless worker, so a client connected to a single gateway
/// reaches the probe of that gateway's silo.
/// </summary>
[Alias("JailCluster.Kernel.Bench.ISiloProbeGrain")]
public interface ISiloProbeGrain : IGrainWithIntegerKey
{
    /// <summary>Reads the silo; with <paramref name="collect"/>, after a full blocking garbage collection.</summary>
    [Alias("Read")]
    Task<SiloProbe> Read(bool collect);
}
