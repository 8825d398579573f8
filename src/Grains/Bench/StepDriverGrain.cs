namespace JailCluster.Kernel.Bench;

using System.Diagnostics;
using JailCluster.Hosts;
using JailCluster.Kernel.Fail;
using JailCluster.Kernel.Kern;
using JailCluster.Kernel.Memory;
using Orleans.Placement;

/// <summary>One load generator of the memory step figure; placed at random, as the ping drivers are.</summary>
[RandomPlacement]
public sealed class StepDriverGrain(TimeProvider time, FailPointMirror mirror) : Grain, IStepDriverGrain
{
    // Far above the pids a host gives its processes, so that the objects' addresses are the bench's own.
    private const int FirstPid = 500_000;

    // Empty objects are made this many at a time per driver.
    private const int TouchesInFlight = 64;

    private static readonly IReadOnlyDictionary<string, ulong> Words = new Dictionary<string, ulong>
    {
        [Layouts.Ifnet.IfFlags.Name] = (ulong)IfFlags.Up,
    };

    private KThread[] _threads = [];
    private ulong[] _objects = [];

    /// <inheritdoc />
    public async Task Prepare(string host, int threads, int objectsPerThread)
    {
        var info = await GrainFactory.GetGrain<IHostGrain>(host).GetInfo();
        var placement = info.Boot?.Placement ?? KernelPlacement.Spread;
        var key = new KernelKey(host, info.Generation, placement);
        var boot = await GrainRefs.Get<IKernelGrain>(GrainFactory, key.Globals).Boot()
            ?? throw new InvalidOperationException($"host {host} is not up");
        var k = new KernelContext(boot, GrainFactory, time, mirror);
        var driver = (int)this.GetPrimaryKeyLong();
        _threads = [.. Enumerable.Range(0, threads).Select(t =>
        {
            var pid = FirstPid + (driver * threads) + t;
            return new KThread(k, "bench", pid, 100000 + pid);
        })];
        _objects = new ulong[threads * objectsPerThread];
        await Task.WhenAll(_threads.Select(async (td, t) =>
        {
            for (var i = 0; i < objectsPerThread; i++)
            {
                _objects[(t * objectsPerThread) + i] = await td.Alloc(KType.Ifnet, "bench", Words);
            }
        }));
    }

    /// <inheritdoc />
    public async Task<long> Run(TimeSpan duration)
    {
        var clock = Stopwatch.StartNew();
        var loops = _threads.Select(async (td, t) =>
        {
            // Two loads and a store an object, as if_up reads an ifnet's fields and sets IFF_UP; a fixed
            // stride over the shared objects, as the ping loops walk their targets.
            long steps = 0;
            var at = (t * 7) % _objects.Length;
            while (clock.Elapsed < duration)
            {
                var ifp = _objects[at];
                var flags = await td.Load(ifp, Layouts.Ifnet.IfFlags);
                await td.Load(ifp, Layouts.Ifnet.IfVnet);
                await td.Store(ifp, Layouts.Ifnet.IfFlags, flags | (ulong)IfFlags.Up);
                steps += 3;
                at = (at + 31) % _objects.Length;
            }

            return steps;
        });
        return (await Task.WhenAll(loops)).Sum();
    }

    /// <inheritdoc />
    public async Task Release()
    {
        if (_threads.Length > 0)
        {
            await Task.WhenAll(_objects.Select(p => _threads[0].Free(p, "bench")));
        }

        _threads = [];
        _objects = [];
    }

    /// <inheritdoc />
    public async Task Touch(string host, int first, int count, bool discard)
    {
        var key = new KernelKey(host, 1, KernelPlacement.Spread);
        var next = first;
        var init = new KObjectInit { Name = "" };
        await Task.WhenAll(Enumerable.Range(0, TouchesInFlight).Select(async _ =>
        {
            // One turn at a time in this grain, so the shared counter needs no lock.
            while (next < first + count)
            {
                var obj = GrainRefs.Get<IStructGrain>(GrainFactory, key.Object(KAddr.Of(KType.Ifnet, next++)));
                await (discard ? obj.Discard() : obj.Init(init));
            }
        }));
    }
}
