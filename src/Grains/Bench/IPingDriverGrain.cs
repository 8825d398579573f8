namespace JailCluster.Kernel.Bench;

/// <summary>Generates ping load from inside the cluster, as kernel threads generate memory steps.</summary>
[Alias("JailCluster.Kernel.Bench.IPingDriverGrain")]
public interface IPingDriverGrain : IGrainWithIntegerKey
{
    /// <summary>
    /// Runs <paramref name="concurrency"/> loops that each ping one of <paramref name="targets"/> ping grains and
    /// await the answer before the next, for <paramref name="duration"/>; returns the number of pings answered.
    /// </summary>
    [Alias("Run")]
    Task<long> Run(int concurrency, int targets, TimeSpan duration);
}
