namespace JailCluster.Kernel.Bench;

/// <summary>The benchmark's ceiling: a grain whose one method does nothing, so a call costs only Orleans.</summary>
[Alias("JailCluster.Kernel.Bench.IPingGrain")]
public interface IPingGrain : IGrainWithIntegerKey
{
    /// <summary>Returns at once.</summary>
    [Alias("Ping")]
    ValueTask Ping();
}
