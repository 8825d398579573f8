namespace JailCluster.Bench;

using System.Diagnostics;
using JailCluster.Kernel.Bench;

/// <summary>
/// Kernel memory steps by themselves: the ceiling's drivers and loads in flight, each in-flight loop a kernel thread
/// of one booted host that loads and stores ifnet fields through the kernel's own path, over about as many objects as
/// the ceiling has ping grains. What a teardown adds to its steps is the difference between this and the teardown.
/// </summary>
public static class StepBench
{
    /// <summary>Ifnets each thread allocates; all of a driver's threads share them.</summary>
    public const int ObjectsPerThread = 4;

    /// <summary>Makes the drivers' threads and objects on <paramref name="host"/>.</summary>
    public static Task PrepareAsync(IClusterClient client, string host) =>
        Task.WhenAll(Drivers(client).Select(d => d.Prepare(host, CeilingBench.Concurrency, ObjectsPerThread)));

    /// <summary>One run: steps per second, and how many.</summary>
    public static async Task<(double PerSecond, long Steps)> RunAsync(IClusterClient client, TimeSpan duration)
    {
        var clock = Stopwatch.StartNew();
        var steps = await Task.WhenAll(Drivers(client).Select(d => d.Run(duration)));
        return (steps.Sum() / clock.Elapsed.TotalSeconds, steps.Sum());
    }

    /// <summary>Frees the drivers' objects.</summary>
    public static Task ReleaseAsync(IClusterClient client) => Task.WhenAll(Drivers(client).Select(d => d.Release()));

    /// <summary>
    /// Allocates (or discards) <paramref name="count"/> empty kernel objects from address <paramref name="first"/> of
    /// <paramref name="host"/>, shared out among the drivers.
    /// </summary>
    public static Task TouchAsync(IClusterClient client, string host, int first, int count, bool discard)
    {
        var drivers = Drivers(client);
        var share = (count + drivers.Length - 1) / drivers.Length;
        return Task.WhenAll(drivers.Select((d, i) =>
        {
            var from = first + (i * share);
            return d.Touch(host, from, Math.Clamp(first + count - from, 0, share), discard);
        }));
    }

    // The same drivers for every run of a cluster: they hold the threads and objects between runs.
    private static IStepDriverGrain[] Drivers(IClusterClient client) =>
        [.. Enumerable.Range(0, CeilingBench.Drivers).Select(d => client.GetGrain<IStepDriverGrain>(d))];
}
