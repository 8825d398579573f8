namespace JailCluster.Bench;

using System.Diagnostics;
using System.Globalization;
using JailCluster.Hosts;
using JailCluster.Tracing.Hosting;

/// <summary>Runs every section of the benchmark against clusters of real silo processes it starts and stops.</summary>
public sealed class BenchRunner(
    BenchOptions options,
    BenchReport report,
    string workDirectory,
    TextWriter log,
    Action checkpoint,
    HeapDumper? dumper,
    CancellationToken stop)
{
    private const string D56374 = KernelVersion.D56374;
    private const string R121 = KernelVersion.Release121;

    // Building and tearing down 10,000 jails is bound by round trips, not by the processors: more in flight.
    private const int MemoryConcurrency = 256;

    // Enough hosts that the 10,000-jail teardown does not wait on a few taskqueues, one vnet after another.
    private const int MemoryHosts = 40;

    // The host whose kernel threads make the memory steps alone, one per cluster.
    private const string StepHost = "steps";

    // A warm-up teardown that compiles no more than this many methods per silo is taken as steady.
    private const int SteadyCompilationsPerSilo = 100;

    // Warm-up teardowns beyond the fixed rounds, at most, while they still compile many methods.
    private const int MaxExtraWarmUps = 6;

    // A jail with one epair is this many kernel objects: two ifnets, two softcs, a vnet and a prison.
    private const int ObjectsPerJail = 6;

    private static readonly string[] Kernels = [R121, D56374];

    private readonly Dictionary<int, double> ceilings = [];
    private readonly Dictionary<int, double> aloneRates = [];
    private readonly Dictionary<(string Kernel, int Silos), double> stepRates = [];
    private readonly Dictionary<(string Kernel, int Silos), double> teardownRates = [];
    private int hostSerial;

    /// <summary>Runs the sections asked for.</summary>
    public async Task RunAsync()
    {
        // The quick mode leaves out the 2-silo cluster: a smoke check of every part, not the scaling curve.
        foreach (var silos in options.Quick ? (int[])[1, 3] : [1, 2, 3])
        {
            if (!options.Includes("ceiling") && !options.Includes("teardown")
                && !(silos == 3 && options.Includes("race")))
            {
                continue;
            }

            await using var cluster = await StartAsync(silos, "off", countCalls: true);
            var ceiling = new CeilingRuns();
            var steps = new CeilingRuns();
            if (options.Includes("ceiling"))
            {
                await cluster.Client.GetGrain<IHostGrain>(StepHost).Boot(new BootOptions
                {
                    Kernel = D56374,
                    Placement = KernelPlacement.Spread,
                });
                await StepBench.PrepareAsync(cluster.Client, StepHost);
                await CeilingAsync(cluster, silos, ceiling, steps, "before");
            }

            if (options.Includes("teardown"))
            {
                await TeardownAsync(cluster, silos);
            }

            // The machine is shared and the runtime keeps optimising: measure the ceiling again after the teardowns,
            // so that both figures see the same conditions.
            if (options.Includes("ceiling"))
            {
                await CeilingAsync(cluster, silos, ceiling, steps, "after");
                await StepBench.ReleaseAsync(cluster.Client);
                AddCeiling(silos, ceiling, steps);
            }

            if (silos == 3 && options.Includes("race"))
            {
                await RaceAsync(cluster);
            }

            AddRatios();
            checkpoint();
        }

        if (options.Includes("tracing"))
        {
            await TracingAsync();
            AddRatios();
            checkpoint();
        }

        if (options.Includes("memory"))
        {
            await MemoryAsync();
            checkpoint();
            await MemoryFloorAsync();
        }

        AddRatios();
    }

    private async Task<BenchCluster> StartAsync(int silos, string sampling, bool countCalls, string name = "cluster")
    {
        log.WriteLine($"== cluster of {silos} silo(s), trace sampling {sampling}, call counting " +
            $"{(countCalls ? "on" : "off")}");
        var environment = new Dictionary<string, string?>
        {
            ["JAILCLUSTER_Bench__CountCalls"] = countCalls ? "true" : "false",
            ["JAILCLUSTER_TRACES_SAMPLING"] = sampling,
            ["JAILCLUSTER_TRACES_DIR"] = TracesDirectory(sampling),
        };
        return await BenchCluster.StartAsync(Path.Combine(workDirectory, name), silos, environment, log);
    }

    private string TracesDirectory(string sampling) => Path.Combine(workDirectory, "traces-" + sampling);

    // The ping runs and the memory step runs alternate, so that the machine's drift falls on both alike.
    private async Task CeilingAsync(BenchCluster cluster, int silos, CeilingRuns pings, CeilingRuns steps, string when)
    {
        // Warm up until the runtime has compiled the hot path at its final tier: the first seconds are slower.
        var length = TimeSpan.FromSeconds(options.PingSeconds);
        if (pings.PerSecond.Count == 0)
        {
            await CeilingBench.RunAsync(cluster.Client, 1000 + silos, TimeSpan.FromSeconds(3));
            await StepBench.RunAsync(cluster.Client, TimeSpan.FromSeconds(3));
        }

        for (var r = 0; r < options.Runs; r++)
        {
            stop.ThrowIfCancellationRequested();
            var run = pings.PerSecond.Count;
            var ping = await MeasureAsync(cluster, pings, () => CeilingBench.RunAsync(cluster.Client, run, length));
            var step = await MeasureAsync(cluster, steps, () => StepBench.RunAsync(cluster.Client, length));
            log.WriteLine($"ceiling {when}, {silos} silo(s), run {r + 1}: {ping:0} pings/s, {step:0} memory steps/s");
        }
    }

    // One run of a call rate, with what its calls cost the silos in processor time and allocated bytes.
    private static async Task<double> MeasureAsync(
        BenchCluster cluster, CeilingRuns runs, Func<Task<(double PerSecond, long Calls)>> run)
    {
        var before = await cluster.WorkAsync();
        var (perSecond, calls) = await run();
        var work = await cluster.WorkAsync() - before;
        runs.PerSecond.Add(perSecond);
        runs.CpuMicros.Add(1e6 * work.CpuSeconds / Math.Max(1, calls));
        runs.Bytes.Add(work.AllocatedBytes / (double)Math.Max(1, calls));
        runs.GcPauseMicros.Add(1e6 * work.GcPauseSeconds / Math.Max(1, calls));
        return perSecond;
    }

    private void AddCeiling(int silos, CeilingRuns runs, CeilingRuns steps)
    {
        AddCallFigures("ceiling", ("ping calls/s", "calls/s"), "ping", silos, runs,
            $"{CeilingBench.Drivers} drivers x {CeilingBench.Concurrency} in flight, random placement; " +
            "half the runs before the teardowns, half after");
        ceilings[silos] = Figure.MedianOf(runs.PerSecond);

        AddCallFigures("steps", ("memory steps alone/s", "steps/s"), "memory step alone", silos, steps,
            $"{CeilingBench.Drivers} drivers x {CeilingBench.Concurrency} kernel threads of one D56374 host " +
            $"(spread), each loading and storing the fields of {StepBench.ObjectsPerThread} ifnets a thread " +
            "through KThread.Load and Store; each run right after a ping run");
        aloneRates[silos] = Figure.MedianOf(steps.PerSecond);
    }

    // A call rate's figures: the rate, and what one call cost the silos.
    private void AddCallFigures(
        string section, (string Name, string Unit) rate, string call, int silos, CeilingRuns runs, string note)
    {
        report.Figures.Add(new Figure
        {
            Section = section,
            Name = $"{rate.Name}, {silos} silo(s)",
            Unit = rate.Unit,
            Runs = runs.PerSecond,
            Note = note,
        });
        (string What, string Unit, List<double> Runs)[] costs =
        [
            ("silo CPU µs", "µs", runs.CpuMicros),
            ("silo bytes allocated", "bytes", runs.Bytes),
            ("silo GC pause µs", "µs", runs.GcPauseMicros),
        ];
        foreach (var (what, costUnit, values) in costs)
        {
            report.Figures.Add(new Figure
            {
                Section = section,
                Name = $"{what} per {call}, {silos} silo(s)",
                Unit = costUnit,
                Runs = values,
            });
        }
    }

    private async Task TeardownAsync(BenchCluster cluster, int silos)
    {
        // Teardowns of full size first and not counted: the first runs of a fresh cluster are up to twice as slow.
        await WarmUpAsync(cluster, trace: false);
        foreach (var kernel in Kernels)
        {
            var outcomes = new List<TeardownOutcome>();
            for (var r = 0; r < options.Runs; r++)
            {
                var outcome = await ThroughputTeardownAsync(cluster, kernel, trace: false);
                outcomes.Add(outcome);
                log.WriteLine($"teardown {kernel}, {silos} silo(s), run {r + 1}: {outcome.Jails} jails in " +
                    $"{outcome.Seconds:0.00} s = {outcome.TeardownsPerSecond:0.0}/s, " +
                    $"{outcome.CallsPerSecond:0} calls/s, " +
                    $"{outcome.Calls.Values.Sum() / (double)Math.Max(1, outcome.Jails):0} calls/teardown, " +
                    $"{outcome.Panics} panic(s), build {outcome.BuildSeconds:0.0} s, " +
                    $"{outcome.Silos.JitCompiledMethods} methods compiled");
            }

            AddTeardownFigures("teardown", $"{kernel}, {silos} silo(s)", outcomes);
            teardownRates[(kernel, silos)] = Figure.MedianOf([.. outcomes.Select(o => o.TeardownsPerSecond)]);
            stepRates[(kernel, silos)] = Figure.MedianOf([.. outcomes.Select(o => o.CallsPerSecond)]);
        }
    }

    private void AddTeardownFigures(string section, string label, List<TeardownOutcome> outcomes)
    {
        var note = $"{outcomes[0].Jails} jails (1 epair, 1 process each), vnet-subr-2019, spread; " +
            $"panicked hosts per run: {string.Join(",", outcomes.Select(o => o.Panics))}";
        report.Figures.Add(new Figure
        {
            Section = section,
            Name = $"teardowns/s, {label}",
            Unit = "jails/s",
            Runs = [.. outcomes.Select(o => o.TeardownsPerSecond)],
            Note = note,
        });
        if (outcomes.Any(o => o.Calls.Count > 0))
        {
            report.Figures.Add(new Figure
            {
                Section = section,
                Name = $"kernel steps (grain calls)/s, {label}",
                Unit = "calls/s",
                Runs = [.. outcomes.Select(o => o.CallsPerSecond)],
            });
            report.Figures.Add(new Figure
            {
                Section = section,
                Name = $"grain calls per teardown, {label}",
                Unit = "calls",
                Runs = [.. outcomes.Select(o => o.Calls.Values.Sum() / (double)Math.Max(1, o.Jails))],
            });
            var median = outcomes.OrderBy(o => o.CallsPerSecond).ElementAt(outcomes.Count / 2);
            report.CallsPerTeardown[label] = median.Calls.ToDictionary(
                c => c.Key, c => Math.Round(c.Value / (double)Math.Max(1, median.Jails), 2), StringComparer.Ordinal);
        }

        report.Figures.Add(new Figure
        {
            Section = section,
            Name = $"silo CPU ms per teardown, {label}",
            Unit = "ms",
            Runs = [.. outcomes.Select(o => 1000 * o.Silos.CpuSeconds / Math.Max(1, o.Jails))],
        });
        report.Figures.Add(new Figure
        {
            Section = section,
            Name = $"silo GC pause ms per teardown, {label}",
            Unit = "ms",
            Runs = [.. outcomes.Select(o => 1000 * o.Silos.GcPauseSeconds / Math.Max(1, o.Jails))],
            Note = "threads paused for garbage collection, summed over the silos (GC.GetTotalPauseDuration)",
        });
        report.Figures.Add(new Figure
        {
            Section = section,
            Name = $"silo KiB allocated per teardown, {label}",
            Unit = "KiB",
            Runs = [.. outcomes.Select(o => o.Silos.AllocatedBytes / 1024.0 / Math.Max(1, o.Jails))],
        });
        report.Figures.Add(new Figure
        {
            Section = section,
            Name = $"methods JIT-compiled in the silos per run, {label}",
            Unit = "methods",
            Runs = [.. outcomes.Select(o => (double)o.Silos.JitCompiledMethods)],
            Note = "a run that compiles many is not yet steady: the runtime is still moving the hot path to its " +
                "final tier",
        });
    }

    private async Task WarmUpAsync(BenchCluster cluster, bool trace)
    {
        // A fresh cluster's rate rises for several teardowns of 256 jails while the runtime compiles the hot path at
        // its final tier: three rounds of both kernels (one of D56374 if quick), then more of D56374 until a
        // teardown compiles few methods, or at most MaxExtraWarmUps more.
        TeardownOutcome? last = null;
        for (var round = 0; round < (options.Quick ? 1 : 3); round++)
        {
            foreach (var kernel in options.Quick ? [D56374] : Kernels)
            {
                last = await WarmUpOnceAsync(cluster, kernel, trace);
            }
        }

        var steady = SteadyCompilationsPerSilo * cluster.State.Silos.Count;
        for (var extra = 0; extra < MaxExtraWarmUps && last?.Silos.JitCompiledMethods > steady; extra++)
        {
            last = await WarmUpOnceAsync(cluster, D56374, trace);
        }
    }

    private async Task<TeardownOutcome> WarmUpOnceAsync(BenchCluster cluster, string kernel, bool trace)
    {
        var outcome = await ThroughputTeardownAsync(cluster, kernel, trace);
        log.WriteLine($"warm-up {kernel}: {outcome.TeardownsPerSecond:0.0} teardowns/s, " +
            $"{outcome.Silos.JitCompiledMethods} methods compiled (not counted)");
        return outcome;
    }

    // The teardown every throughput figure runs: the 2019 pattern, spread, in the shape of the options.
    private Task<TeardownOutcome> ThroughputTeardownAsync(BenchCluster cluster, string kernel, bool trace) =>
        OneTeardownAsync(
            cluster, kernel, KernelPlacement.Spread, "vnet-subr-2019", options.Hosts, options.JailsPerHost, trace);

    private async Task<TeardownOutcome> OneTeardownAsync(
        BenchCluster cluster,
        string kernel,
        KernelPlacement placement,
        string pattern,
        int hosts,
        int jailsPerHost,
        bool trace)
    {
        stop.ThrowIfCancellationRequested();
        var serial = Interlocked.Increment(ref hostSerial);
        var names = Enumerable.Range(0, hosts).Select(h => $"b{serial}h{h}").ToList();
        using var driver = new TeardownDriver(cluster, options.Concurrency);
        await driver.BootAsync(names, kernel, placement, seed: serial * 100);
        var jails = TeardownDriver.Plan(names, jailsPerHost);
        var build = await driver.BuildAsync(jails, processes: 1);
        return await driver.TeardownAsync(jails, pattern, build, trace);
    }

    private async Task RaceAsync(BenchCluster cluster)
    {
        (string Kernel, string Pattern, KernelPlacement Placement)[] configs =
        [
            (R121, "vnet-subr-2019", KernelPlacement.Spread),
            (R121, "vnet-subr-2019", KernelPlacement.HostLocal),
            (R121, "simultaneous", KernelPlacement.Spread),
            (R121, "simultaneous", KernelPlacement.HostLocal),
            (D56374, "vnet-subr-2019", KernelPlacement.Spread),
            (D56374, "simultaneous", KernelPlacement.Spread),
        ];
        foreach (var (kernel, pattern, placement) in configs)
        {
            var outcomes = new List<TeardownOutcome>();
            for (var r = 0; r < options.Runs; r++)
            {
                outcomes.Add(await OneTeardownAsync(
                    cluster, kernel, placement, pattern, options.RaceHosts, options.RaceJailsPerHost, trace: false));
            }

            var jails = outcomes.Sum(o => o.Jails);
            var panics = outcomes.Sum(o => o.Panics);
            var place = placement == KernelPlacement.Spread ? "spread" : "host-local";
            var perPanic = panics == 0
                ? $"no panic in {jails} teardowns" : $"{jails / (double)panics:0.0} teardowns per panic";
            log.WriteLine($"race {kernel} {pattern} {place}: {panics} panic(s) in {jails} teardowns: {perPanic}");
            report.Figures.Add(new Figure
            {
                Section = "race",
                Name = $"panics per 100 teardowns, {kernel}, {pattern}, {place}",
                Unit = "%",
                Runs = [.. outcomes.Select(o => 100.0 * o.Panics / Math.Max(1, o.Jails))],
                Note = $"{perPanic}; {options.RaceHosts} hosts x {options.RaceJailsPerHost} jails per run, 3 silos; " +
                    "every jail fired on a host counts, also those after its panic",
            });
        }
    }

    private async Task TracingAsync()
    {
        // The three settings run side by side, one cluster each, and their runs alternate (off, 0.1, all, then 0.1,
        // all, off, ...): the machine's drift over minutes, which moved the off rate from 194 to 245 teardowns/s
        // between the runs of one setting and the next, falls on all three alike.
        string[] samplings = ["off", "0.1", "all"];
        var clusters = new Dictionary<string, BenchCluster>(StringComparer.Ordinal);
        var outcomes = samplings.ToDictionary(s => s, _ => new List<TeardownOutcome>(), StringComparer.Ordinal);
        try
        {
            foreach (var sampling in samplings)
            {
                clusters[sampling] = await StartAsync(3, sampling, countCalls: true, "cluster-" + sampling);
            }

            foreach (var sampling in samplings)
            {
                await TracedAsync(sampling, () => WarmUpAsync(clusters[sampling], trace: true));
            }

            for (var r = 0; r < options.Runs; r++)
            {
                var first = r % samplings.Length;
                foreach (var sampling in samplings.Skip(first).Concat(samplings.Take(first)))
                {
                    var cluster = clusters[sampling];
                    await TracedAsync(sampling, async () =>
                        outcomes[sampling].Add(await ThroughputTeardownAsync(cluster, D56374, trace: true)));
                    var rate = outcomes[sampling][^1].TeardownsPerSecond;
                    log.WriteLine($"tracing {sampling}, run {r + 1}: {rate:0.0} teardowns/s");
                }
            }
        }
        finally
        {
            foreach (var cluster in clusters.Values)
            {
                await cluster.DisposeAsync();
            }
        }

        foreach (var sampling in samplings)
        {
            AddTeardownFigures("tracing", $"D56374, 3 silos, sampling {sampling}", outcomes[sampling]);
            var files = Directory.Exists(TracesDirectory(sampling))
                ? Directory.GetFiles(TracesDirectory(sampling), "*.jsonl") : [];
            var siloFiles = files.Where(
                f => !Path.GetFileName(f).StartsWith("jailcluster-bench", StringComparison.Ordinal));
            var bytes = files.Sum(f => new FileInfo(f).Length);
            report.Notes.Add(string.Create(CultureInfo.InvariantCulture,
                $"tracing {sampling}: {files.Length} trace file(s), {bytes / 1024} KiB, of which " +
                $"{siloFiles.Count()} written by silos"));
        }
    }

    // The benchmark is jailctl here: while it tears down on the cluster of one setting, it records the client's root
    // span of each teardown with that setting, and stops recording after, as jailctl exits after its teardown.
    private async Task TracedAsync(string sampling, Func<Task> teardown)
    {
        Environment.SetEnvironmentVariable("JAILCLUSTER_TRACES_SAMPLING", sampling);
        Environment.SetEnvironmentVariable("JAILCLUSTER_TRACES_DIR", TracesDirectory(sampling));
        var tracer = sampling == "off" ? null : JailClusterTelemetry.CreateTracerProvider("jailcluster-bench");
        try
        {
            await teardown();
        }
        finally
        {
            tracer?.Dispose();
            Environment.SetEnvironmentVariable("JAILCLUSTER_TRACES_SAMPLING", null);
            Environment.SetEnvironmentVariable("JAILCLUSTER_TRACES_DIR", null);
        }
    }

    private async Task MemoryAsync()
    {
        await using var cluster = await StartAsync(3, "off", countCalls: false);
        var hosts = Enumerable.Range(0, MemoryHosts).Select(h => $"m{h}").ToList();
        using var driver = new TeardownDriver(cluster, MemoryConcurrency);
        await driver.BootAsync(hosts, D56374, KernelPlacement.Spread, seed: 7);
        await OneTeardownAsync(cluster, D56374, KernelPlacement.Spread, "vnet-subr-2019", 2, 4, trace: false);
        var baseline = await cluster.ProbeAsync(collect: true);
        var baselineDump = await DumpAsync(cluster, "baseline");
        var jails = new List<BenchJail>();
        IReadOnlyList<Kernel.Bench.SiloProbe>? previous = null;
        var builtBefore = 0;
        foreach (var target in options.MemoryJails)
        {
            var more = TeardownDriver.Plan(hosts, (target - jails.Count) / hosts.Count,
                offset: jails.Count / hosts.Count);
            var build = await driver.BuildAsync(more, processes: 0);
            jails.AddRange(more);
            var now = await cluster.ProbeAsync(collect: true);
            var built = jails.Count(j => j.Built);
            AddMemoryFigures($"after building {built} jails", baseline, now, built);
            if (previous is { } before)
            {
                // What one more jail costs, without the one-time growth of the first thousand (heap segments, code).
                AddPerEach("jail", $"marginal from {builtBefore} to {built} jails", before, now, built - builtBefore);
            }

            previous = now;
            builtBefore = built;
            report.Remaining[$"after building {built} jails"] = await ActivationsAsync(cluster);
            if (await DumpAsync(cluster, $"built-{built}") is { } builtDump)
            {
                report.Notes.Add($"heap by type per jail built: python3 bench/tools/heap-diff.py {baselineDump} " +
                    $"{builtDump} {built}");
            }

            log.WriteLine($"memory: {built} jails built ({more.Count} in {build:0.0} s), " +
                $"silo RSS {now.Sum(p => p.ResidentBytes) / 1048576} MiB");
        }

        var outcome = await driver.TeardownAsync(jails, "vnet-subr-modern", 0, trace: false);
        log.WriteLine($"memory: {outcome.Jails} jails torn down in {outcome.Seconds:0.0} s, settled {outcome.Settled}");
        var after = await cluster.ProbeAsync(collect: true);
        AddMemoryFigures("after tearing them down", baseline, after, outcome.Jails);
        report.Remaining["right after the teardown"] = await ActivationsAsync(cluster);

        // Freed kernel objects stay active for their collection age (2 min) so that a late load through a stale
        // pointer still reads freed memory; force what a shorter age would do, then read again.
        var management = cluster.Client.GetGrain<IManagementGrain>(0);
        await management.ForceActivationCollection(TimeSpan.FromSeconds(5));
        await Task.Delay(TimeSpan.FromSeconds(2));
        var collected = await cluster.ProbeAsync(collect: true);
        AddMemoryFigures("after teardown and forced collection (age 5 s)", baseline, collected, outcome.Jails);
        report.Remaining["after forced collection of activations idle 5 s"] = await ActivationsAsync(cluster);

        // Deactivation is asynchronous; give it time and ask once more.
        await Task.Delay(TimeSpan.FromSeconds(options.Quick ? 3 : 10));
        await management.ForceActivationCollection(TimeSpan.FromSeconds(5));
        await Task.Delay(TimeSpan.FromSeconds(2));
        var second = await cluster.ProbeAsync(collect: true);
        var secondStep = $"after a second forced collection {(options.Quick ? 5 : 12)} s later";
        AddMemoryFigures(secondStep, baseline, second, outcome.Jails);
        report.Remaining[secondStep] = await ActivationsAsync(cluster);
        if (await DumpAsync(cluster, "torn-down") is { } tornDown)
        {
            report.Notes.Add($"heap by type per jail torn down: python3 bench/tools/heap-diff.py {baselineDump} " +
                $"{tornDown} {outcome.Jails}");
        }
    }

    // The least a jail can cost: its kernel objects as empty activations, on a cluster of their own that is warmed and
    // measured as the jails' is, at as many objects as the jails have.
    private async Task MemoryFloorAsync()
    {
        const string host = "floor";
        await using var cluster = await StartAsync(3, "off", countCalls: false, "cluster-floor");
        await OneTeardownAsync(cluster, D56374, KernelPlacement.Spread, "vnet-subr-2019", 2, 4, trace: false);
        var baseline = await cluster.ProbeAsync(collect: true);
        IReadOnlyList<Kernel.Bench.SiloProbe>? previous = null;
        var made = 0;
        var activations = new List<double>();
        foreach (var objects in options.MemoryJails.Select(j => j * ObjectsPerJail))
        {
            var work = await cluster.WorkAsync();
            await StepBench.TouchAsync(cluster.Client, host, made, objects - made, discard: false);
            activations.Add(1e6 * (await cluster.WorkAsync() - work).CpuSeconds / (objects - made));
            var now = await cluster.ProbeAsync(collect: true);
            log.WriteLine($"memory floor: {objects} empty kernel objects, " +
                $"silo RSS {now.Sum(p => p.ResidentBytes) / 1048576} MiB");
            var note = "3 silos; an ifnet with no fields, placed as a spread host's objects are, made from driver " +
                $"grains placed at random; a jail with one epair is {ObjectsPerJail} kernel objects";
            if (previous is { } before)
            {
                AddPerEach("empty kernel object", $"marginal from {made} to {objects} objects", before, now,
                    objects - made, note);
            }
            else
            {
                AddPerEach("empty kernel object", $"after making {objects} objects", baseline, now, objects, note);
            }

            previous = now;
            made = objects;
        }

        await StepBench.TouchAsync(cluster.Client, host, 0, made, discard: true);
        report.Figures.Add(new Figure
        {
            Section = "memory",
            Name = "silo CPU µs per empty kernel object made",
            Unit = "µs",
            Runs = activations,
            Note = "placement, activation, directory registration and the Init call that made it, one entry per step " +
                "of the floor measurement",
        });
    }

    // Silo RSS and managed heap per one of what was added between two readings (a jail, an empty kernel object).
    private void AddPerEach(string each, string moment, IReadOnlyList<Kernel.Bench.SiloProbe> from,
        IReadOnlyList<Kernel.Bench.SiloProbe> to, int count, string? note = null)
    {
        report.Figures.Add(new Figure
        {
            Section = "memory",
            Name = $"silo RSS per {each}, {moment}",
            Unit = "KiB",
            Runs = [(to.Sum(p => p.ResidentBytes) - from.Sum(p => p.ResidentBytes)) / 1024.0 / Math.Max(1, count)],
            Note = note,
        });
        report.Figures.Add(new Figure
        {
            Section = "memory",
            Name = $"managed heap per {each}, {moment}",
            Unit = "KiB",
            Runs = [(to.Sum(p => p.ManagedBytes) - from.Sum(p => p.ManagedBytes)) / 1024.0 / Math.Max(1, count)],
        });
    }

    private async Task<string?> DumpAsync(BenchCluster cluster, string step) =>
        dumper is null ? null : await dumper.DumpAsync(cluster, step);

    private void AddMemoryFigures(string moment, IReadOnlyList<Kernel.Bench.SiloProbe> baseline,
        IReadOnlyList<Kernel.Bench.SiloProbe> now, int jails)
    {
        AddPerEach("jail", moment, baseline, now, jails,
            $"3 silos; total RSS {now.Sum(p => p.ResidentBytes) / 1048576} MiB, " +
            $"baseline {baseline.Sum(p => p.ResidentBytes) / 1048576} MiB; over {jails} jails");
        report.Figures.Add(new Figure
        {
            Section = "memory",
            Name = $"silo RSS total, {moment}",
            Unit = "MiB",
            Runs = [now.Sum(p => p.ResidentBytes) / 1048576.0],
        });
    }

    private static async Task<IReadOnlyDictionary<string, int>> ActivationsAsync(BenchCluster cluster)
    {
        var stats = await cluster.Client.GetGrain<IManagementGrain>(0).GetSimpleGrainStatistics();
        return stats.GroupBy(s => s.GrainType.Split(',')[0].Split('.')[^1])
            .ToDictionary(g => g.Key, g => g.Sum(s => s.ActivationCount), StringComparer.Ordinal);
    }

    private void AddRatios()
    {
        report.Ratios.Clear();
        foreach (var ((kernel, silos), rate) in stepRates.OrderBy(s => s.Key.Silos))
        {
            if (ceilings.TryGetValue(silos, out var ceiling) && ceiling > 0)
            {
                report.Ratios.Add(new Ratio(
                    $"kernel steps/s ÷ ping ceiling, {kernel}, {silos} silo(s)", rate / ceiling, ">= 0.70",
                    rate / ceiling >= 0.7));
            }
        }

        foreach (var (silos, rate) in aloneRates.OrderBy(s => s.Key))
        {
            if (ceilings.TryGetValue(silos, out var ceiling) && ceiling > 0)
            {
                report.Ratios.Add(new Ratio(
                    $"memory steps alone/s ÷ ping ceiling, {silos} silo(s)", rate / ceiling, "-", null));
                var cpu = Median("steps", $"silo CPU µs per memory step alone, {silos} silo(s)");
                var pingCpu = Median("ceiling", $"silo CPU µs per ping, {silos} silo(s)");
                if (cpu > 0 && pingCpu > 0)
                {
                    report.Ratios.Add(new Ratio(
                        $"silo CPU per memory step alone ÷ per ping, {silos} silo(s)", cpu / pingCpu, "-", null));
                }
            }
        }

        // What a kernel step costs against a ping, in the silos' processor time and in bytes for their collectors: the
        // reasons behind the first ratio, measured in the same run.
        foreach (var (kernel, silos) in stepRates.Keys.OrderBy(k => k.Silos))
        {
            var label = $"{kernel}, {silos} silo(s)";
            var calls = Median("teardown", $"grain calls per teardown, {label}");
            var cpu = Median("teardown", $"silo CPU ms per teardown, {label}") * 1000 / calls;
            var bytes = Median("teardown", $"silo KiB allocated per teardown, {label}") * 1024 / calls;
            var pingCpu = Median("ceiling", $"silo CPU µs per ping, {silos} silo(s)");
            var pingBytes = Median("ceiling", $"silo bytes allocated per ping, {silos} silo(s)");
            if (calls > 0 && pingCpu > 0 && pingBytes > 0)
            {
                report.Ratios.Add(new Ratio(
                    $"silo CPU per kernel step ÷ per ping, {label}", cpu / pingCpu, "-", null));
                report.Ratios.Add(new Ratio(
                    $"bytes allocated per kernel step ÷ per ping, {label}", bytes / pingBytes, "-", null));
            }
        }

        foreach (var kernel in Kernels)
        {
            if (teardownRates.TryGetValue((kernel, 1), out var one)
                && teardownRates.TryGetValue((kernel, 3), out var three))
            {
                report.Ratios.Add(new Ratio($"teardowns/s 3 silos ÷ 1 silo, {kernel}", three / one,
                    "> 1 as 2 cores allow", null));
            }
        }

        var off = Median("tracing", "teardowns/s, D56374, 3 silos, sampling off");
        foreach (var sampling in (string[])["0.1", "all"])
        {
            var on = Median("tracing", $"teardowns/s, D56374, 3 silos, sampling {sampling}");
            if (off > 0 && on > 0)
            {
                var cost = 1 - (on / off);
                report.Ratios.Add(new Ratio($"tracing cost, sampling {sampling}", cost,
                    sampling == "0.1" ? "<= 0.15" : "-",
                    sampling == "0.1" ? cost <= 0.15 : null));
            }
        }

        foreach (var floor in report.Figures.Where(f => f.Section == "memory"
            && f.Name.StartsWith("silo RSS per empty kernel object, marginal", StringComparison.Ordinal)))
        {
            var perJail = floor.Median * ObjectsPerJail;
            report.Ratios.Add(new Ratio(
                $"the floor of a jail: {ObjectsPerJail} x {floor.Name} (KiB)", perJail, "<= 16", perJail <= 16));
        }

        foreach (var perJail in report.Figures.Where(f => f.Section == "memory"
            && f.Name.StartsWith("silo RSS per jail, ", StringComparison.Ordinal)
            && !f.Name.Contains("down", StringComparison.Ordinal)
            && !f.Name.Contains("collection", StringComparison.Ordinal)))
        {
            report.Ratios.Add(new Ratio($"{perJail.Name} (KiB)", perJail.Median, "<= 16", perJail.Median <= 16));
        }
    }

    private double Median(string section, string name) =>
        report.Figures.FirstOrDefault(f => f.Section == section && f.Name == name)?.Median ?? 0;
}
