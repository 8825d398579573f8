namespace JailCluster.Kernel.Bench;

using System.Diagnostics;
using Orleans.Placement;

/// <summary>One load generator of the ping ceiling; the benchmark starts several, placed at random.</summary>
[RandomPlacement]
public sealed class PingDriverGrain(IGrainFactory grains) : Grain, IPingDriverGrain
{
    /// <inheritdoc />
    public async Task<long> Run(int concurrency, int targets, TimeSpan duration)
    {
        var clock = Stopwatch.StartNew();
        var seed = (int)this.GetPrimaryKeyLong();

        // References are made once, as a client holding its grains does: the ceiling is the calls alone.
        var pings = Enumerable.Range(0, targets).Select(k => grains.GetGrain<IPingGrain>(k)).ToArray();
        var loops = Enumerable.Range(0, concurrency).Select(async loop =>
        {
            // A fixed stride walk over the targets: no shared random source, no two loops in step.
            long answered = 0;
            var key = ((seed * 7919) + (loop * 104729)) % targets;
            while (clock.Elapsed < duration)
            {
                await pings[key].Ping();
                answered++;
                key = (key + 31) % targets;
            }

            return answered;
        });
        return (await Task.WhenAll(loops)).Sum();
    }
}
