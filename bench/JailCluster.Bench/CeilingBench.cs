namespace JailCluster.Bench;

using System.Diagnostics;
using JailCluster.Kernel.Bench;

/// <summary>
/// The ceiling: plain grain calls per second between the silos, like Orleans' own ping benchmark but driven from
/// inside the cluster (as kernel threads drive memory steps): driver grains placed at random each keep a number of
/// pings in flight to ping grains placed at random.
/// </summary>
public static class CeilingBench
{
    /// <summary>Drivers per run.</summary>
    public const int Drivers = 8;

    /// <summary>Pings in flight per driver.</summary>
    public const int Concurrency = 32;

    /// <summary>Ping grains the pings spread over.</summary>
    public const int Targets = 1000;

    /// <summary>One run: pings answered per second, and how many.</summary>
    public static async Task<(double PerSecond, long Answered)> RunAsync(
        IClusterClient client, int run, TimeSpan duration)
    {
        var clock = Stopwatch.StartNew();
        var answered = await Task.WhenAll(Enumerable.Range(0, Drivers).Select(d =>
            client.GetGrain<IPingDriverGrain>((run * Drivers) + d).Run(Concurrency, Targets, duration)));
        return (answered.Sum() / clock.Elapsed.TotalSeconds, answered.Sum());
    }
}
