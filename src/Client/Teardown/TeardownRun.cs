namespace JailCluster.Client.Teardown;

using System.Collections.Concurrent;
using System.Diagnostics;
using JailCluster.Client.Cli;
using JailCluster.Client.Cluster;
using JailCluster.Commands;
using JailCluster.Hosts;
using JailCluster.Telemetry;

/// <summary>
/// One mass teardown: boots the hosts, builds jails with epairs and processes, fires the teardown pattern from the
/// client across the cluster, waits for the dying jails to go, and counts what happened.
/// </summary>
public sealed class TeardownRun(IClusterClient client, TeardownOptions options, TeardownProgress progress) : IDisposable
{
    private const int MaxErrorSamples = 10;

    // The errnos a host answers with once it has panicked or crashed: consequences, not errors of their own. Whatever
    // else fails on a host that turns out to have crashed (its threads ran on for a step or two over memory that
    // was gone) is counted with the crash too.
    private const string Halted = "EHALTED";
    private const string Crashed = "ECRASHED";

    private readonly SemaphoreSlim gate = new(options.Concurrency);
    private readonly ConcurrentDictionary<(string Host, string Errno), int> errors = new();
    private readonly ConcurrentQueue<FailedCommand> samples = new();
    private readonly List<TeardownJail> jails = [];

    // The one source of chance in a run: the order in which each host's jails are built and torn down, from --seed.
    private readonly Random order = new(options.Seed);
    private readonly ConcurrentDictionary<string, CancellationTokenSource> crashes = new(StringComparer.Ordinal);
    // Commands a halted host refused, by host: a panicked host's count apart from a crashed one's.
    private readonly ConcurrentDictionary<string, int> halted = new(StringComparer.Ordinal);

    /// <summary>Runs the teardown; Ctrl-C (<paramref name="interrupt"/>) stops it with a partial report.</summary>
    public async Task<TeardownReport> RunAsync(CancellationToken interrupt)
    {
        var clock = Stopwatch.StartNew();
        var interrupted = false;
        var settled = false;
        TimeSpan? buildEnd = null, fireStart = null;
        using var stopWatching = new CancellationTokenSource();
        var watching = WatchForSiloLossAsync(stopWatching.Token);
        try
        {
            await BootAsync(interrupt);
            await BuildAsync(interrupt);
            buildEnd = fireStart = clock.Elapsed;
            await FireAsync(interrupt);
            settled = await SettleAsync(interrupt);
        }
        catch (OperationCanceledException) when (interrupt.IsCancellationRequested)
        {
            interrupted = true;
            progress.Done("interrupted");
        }
        finally
        {
            await stopWatching.CancelAsync();
            await watching;
            foreach (var jail in jails)
            {
                jail.Span?.Dispose();
            }
        }

        var end = clock.Elapsed;
        var duration = fireStart is { } start ? end - start : TimeSpan.Zero;
        return await CollectAsync(interrupted, settled, buildEnd ?? end, duration);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        gate.Dispose();
        foreach (var crash in crashes.Values)
        {
            crash.Dispose();
        }
    }

    // Cancelled once the host has crashed: a call already on its way to a silo that then died gets no answer, so
    // whoever waits for one stops waiting when the host says it crashed.
    private CancellationToken CrashOf(string host) =>
        crashes.GetOrAdd(host, _ => new CancellationTokenSource()).Token;

    // Membership is the first to know that a silo died; the hosts learn it from the silos a moment later. After a
    // death, ask every host that has not crashed yet until each either has or the run is over.
    private async Task WatchForSiloLossAsync(CancellationToken stop)
    {
        var management = client.GetGrain<IManagementGrain>(0);

        // The silos already dead before the run are no news. Read them before anything can die: later, the
        // management grain may itself be on the silo that died and answer only once the directory has recovered.
        HashSet<SiloAddress> before;
        try
        {
            before = [.. (await management.GetHosts(onlyActive: false, CancellationToken.None)
                .WaitAsync(WatchInterval * 5, stop)).Where(s => s.Value == SiloStatus.Dead).Select(s => s.Key)];
        }
        catch (Exception e) when (e is not OperationCanceledException || !stop.IsCancellationRequested)
        {
            before = [];
        }

        var dead = false;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(WatchInterval, stop);
                if (!dead)
                {
                    var silos = await management.GetHosts(onlyActive: false, CancellationToken.None)
                        .WaitAsync(WatchInterval * 5, stop);
                    dead = silos.Any(s => s.Value == SiloStatus.Dead && !before.Contains(s.Key));
                    if (!dead)
                    {
                        continue;
                    }
                }

                await Task.WhenAll(options.HostNames.Where(h => !CrashOf(h).IsCancellationRequested).Select(async h =>
                {
                    var info = await client.GetGrain<IHostGrain>(h).GetInfo().WaitAsync(WatchInterval * 5, stop);
                    if (info.State == HostState.Crashed)
                    {
                        await crashes[h].CancelAsync();
                    }
                }));
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception)
            {
                // Asked too early, or through the silo that went, or a host whose grain could not come back:
                // ask again at the next turn. The watch must not end before the run does.
            }
        }
    }

    private static readonly TimeSpan WatchInterval = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan CallLimit = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan CheckLimit = TimeSpan.FromMinutes(10);

    private async Task BootAsync(CancellationToken interrupt)
    {
        var hosts = options.HostNames;
        progress.Phase("boot", hosts.Count);
        await Task.WhenAll(hosts.Select(async (name, i) =>
        {
            interrupt.ThrowIfCancellationRequested();
            await client.GetGrain<IHostGrain>(name).Boot(new BootOptions
            {
                Kernel = options.Kernel,
                Invariants = options.Invariants,
                Placement = options.Placement,
                Seed = options.Seed + i,
                Tunables = options.Tunables,
            });

            // Fail points go in before anything is built, so a malformed one stops the run before it starts.
            foreach (var failPoint in options.FailPoints)
            {
                var result = await ExecAsync(name, ["sysctl", $"debug.fail_point.{failPoint}"], interrupt,
                    count: false);
                if (result.ExitCode != 0)
                {
                    throw new JailctlException($"fail point '{failPoint}' rejected by {name}: " +
                        $"{FirstLine(result.Stderr)}");
                }
            }

            progress.Step();
        }));
        progress.Done($"{hosts.Count} host{(hosts.Count == 1 ? "" : "s")} booted on {options.Kernel}");
    }

    private async Task BuildAsync(CancellationToken interrupt)
    {
        foreach (var host in options.HostNames)
        {
            var names = Enumerable.Range(0, options.JailsPerHost)
                .Select(j => new TeardownJail(host, $"j{j}"))
                .ToArray();
            order.Shuffle(names);
            jails.AddRange(names);
        }

        progress.Phase("build", jails.Count * CommandsPerJail);
        await Task.WhenAll(jails.Select(jail => BuildJailAsync(jail, interrupt)));
        var built = jails.Count(j => j.Built);
        progress.Done($"{built} of {jails.Count} jails built, " +
            $"{options.EpairsPerJail} epair(s) and {options.ProcessesPerJail} process(es) each");
    }

    // ifconfig epair create for each pair, jail -c, ifconfig X vnet J for each further pair, jexec for each process.
    private int CommandsPerJail => (2 * options.EpairsPerJail) + options.ProcessesPerJail;

    private async Task BuildJailAsync(TeardownJail jail, CancellationToken interrupt)
    {
        var remaining = CommandsPerJail;
        for (var e = 0; e < options.EpairsPerJail; e++)
        {
            var created = await ExecAsync(jail.Host, ["ifconfig", "epair", "create"], interrupt);
            remaining--;
            progress.Step();
            var name = created.Stdout.Trim();
            if (created.ExitCode != 0 || !name.EndsWith('a'))
            {
                jail.BuildFailed = true;
                progress.Step(remaining);
                return;
            }

            jail.HostSides.Add(name);
            jail.JailSides.Add(name[..^1] + "b");
        }

        var vnetInterface = jail.JailSides.Count > 0 ? [$"vnet.interface={jail.JailSides[0]}"] : Array.Empty<string>();
        var steps = new List<IReadOnlyList<string>>
        {
            (IReadOnlyList<string>)["jail", "-c", $"name={jail.Name}", "persist", "vnet", .. vnetInterface],
        };
        steps.AddRange(jail.JailSides.Skip(1).Select(b => (IReadOnlyList<string>)["ifconfig", b, "vnet", jail.Name]));
        steps.AddRange(Enumerable.Range(0, options.ProcessesPerJail)
            .Select(_ => (IReadOnlyList<string>)["jexec", jail.Name, "sleep", "3600"]));
        foreach (var step in steps)
        {
            var result = await ExecAsync(jail.Host, step, interrupt);
            remaining--;
            progress.Step();
            if (result.ExitCode != 0)
            {
                jail.BuildFailed = true;
                progress.Step(remaining);
                return;
            }
        }

        jail.Built = true;
    }

    private async Task FireAsync(CancellationToken interrupt)
    {
        var built = jails.Where(j => j.Built).ToList();
        progress.Phase("fire", built.Count);
        foreach (var jail in built)
        {
            jail.Span = ClientTelemetry.StartRoot("teardown");
            jail.Span?.SetTag(TelemetryNames.Host, jail.Host);
            jail.Span?.SetTag(TelemetryNames.Jail, jail.Name);
            jail.Span?.SetTag("jailcluster.teardown.pattern", TeardownPatterns.Name(options.Pattern));
            Activity.Current = null;
        }

        await Task.WhenAll(built.GroupBy(j => j.Host).Select(host => options.Pattern switch
        {
            TeardownPattern.VnetSubr2019 => Fire2019Async([.. host], interrupt),
            TeardownPattern.VnetSubrModern => Task.WhenAll(host.Select(j => FireModernAsync(j, interrupt))),
            _ => Task.WhenAll(host.Select(j => FireSimultaneousAsync(j, interrupt))),
        }));
        progress.Done($"{built.Count} jails torn down with {TeardownPatterns.Name(options.Pattern)}, " +
            $"{errors.Values.Sum()} command(s) failed, {halted.Values.Sum()} refused by a panicked or crashed host");
    }

    // vnet.subr of 2019: jail -r for every jail, then at once ifconfig destroy for every pair, no wait between.
    private async Task Fire2019Async(IReadOnlyList<TeardownJail> host, CancellationToken interrupt)
    {
        await Task.WhenAll(host.Select(j => JailCommandAsync(j, ["jail", "-r", j.Name], interrupt)));
        await Task.WhenAll(host.Select(async j =>
        {
            await Task.WhenAll(j.HostSides.Select(a => JailCommandAsync(j, ["ifconfig", a, "destroy"], interrupt)));
            Finish(j);
        }));
    }

    // The newer helper: destroy the interfaces inside the jail first, then remove the jail.
    private async Task FireModernAsync(TeardownJail jail, CancellationToken interrupt)
    {
        foreach (var b in jail.JailSides)
        {
            await JailCommandAsync(jail, ["jexec", jail.Name, "ifconfig", b, "destroy"], interrupt);
        }

        await JailCommandAsync(jail, ["jail", "-r", jail.Name], interrupt);
        Finish(jail);
    }

    private async Task FireSimultaneousAsync(TeardownJail jail, CancellationToken interrupt)
    {
        await Task.WhenAll(
            [JailCommandAsync(jail, ["jail", "-r", jail.Name], interrupt),
             .. jail.HostSides.Select(a => JailCommandAsync(jail, ["ifconfig", a, "destroy"], interrupt))]);
        Finish(jail);
    }

    private void Finish(TeardownJail jail)
    {
        jail.Fired = true;
        progress.Step();
    }

    private async Task JailCommandAsync(TeardownJail jail, IReadOnlyList<string> argv, CancellationToken interrupt)
    {
        // Every command of one jail's teardown is a child of that jail's root span: one trace per teardown.
        Activity.Current = jail.Span;
        var result = await ExecAsync(jail.Host, argv, interrupt);
        if (result.ExitCode != 0)
        {
            jail.Failed = true;
        }
    }

    // Dying jails go when their last reference does, on the host's taskqueue, after jail -r has returned: wait for
    // every host to have nothing left to do (or to have panicked or crashed) before counting.
    private async Task<bool> SettleAsync(CancellationToken interrupt)
    {
        var hosts = options.HostNames;
        progress.Phase("settle", hosts.Count);
        var clock = Stopwatch.StartNew();
        var results = await Task.WhenAll(hosts.Select(async host =>
        {
            var settled = await SettleHostAsync(host, clock, interrupt);
            progress.Step();
            return settled;
        }));
        var settled = results.All(r => r);
        progress.Done(settled
            ? "nothing left to happen on any host"
            : $"work still pending after {options.SettleTimeout.TotalSeconds:0} s");
        return settled;
    }

    // A silo that dies under a host makes its calls fail until membership declares the silo dead and the host
    // crashed; a crashed host has nothing left to happen, so wait for that instead.
    private async Task<bool> SettleHostAsync(string host, Stopwatch clock, CancellationToken interrupt)
    {
        var grain = client.GetGrain<IHostGrain>(host);
        while (true)
        {
            var left = options.SettleTimeout - clock.Elapsed;
            if (left <= TimeSpan.Zero)
            {
                return false;
            }

            using var either = CancellationTokenSource.CreateLinkedTokenSource(interrupt, CrashOf(host));
            try
            {
                return await grain.Settle(left).WaitAsync(either.Token);
            }
            catch (OperationCanceledException) when (CrashOf(host).IsCancellationRequested)
            {
                return true;
            }
            catch (Exception e) when (ClusterConnection.IsSiloLoss(e))
            {
                try
                {
                    var info = await grain.WaitForState(HostState.Crashed, Min(left, CrashWait)).WaitAsync(interrupt);
                    if (info.State == HostState.Crashed)
                    {
                        return true;
                    }
                }
                catch (Exception again) when (ClusterConnection.IsSiloLoss(again))
                {
                    // Still no answer from where the host's grain lives: membership has not caught up yet.
                    await Task.Delay(TimeSpan.FromMilliseconds(500), interrupt);
                }
            }
        }
    }

    private static readonly TimeSpan CrashWait = TimeSpan.FromSeconds(5);

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    // Calls made after a silo died can still fail until membership has declared it dead: try again a few times.
    // None may wait for ever: one that went to a silo as it died would.
    private static async Task<T> Retrying<T>(Func<Task<T>> call, CancellationToken interrupt, TimeSpan? limit = null)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await call().WaitAsync(limit ?? CallLimit, interrupt);
            }
            catch (Exception e) when (ClusterConnection.IsSiloLoss(e) && attempt < 6)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(500 * attempt), interrupt);
            }
        }
    }

    private async Task<TeardownReport> CollectAsync(bool interrupted, bool settled, TimeSpan build, TimeSpan duration)
    {
        var hosts = options.HostNames;
        var infos = await Task.WhenAll(hosts.Select(h =>
            Retrying(() => client.GetGrain<IHostGrain>(h).GetInfo(), CancellationToken.None)));
        var panicked = infos.Where(i => i.State == HostState.Panicked).ToDictionary(i => i.Name, i => i.PanicId);
        var crashed = infos.Where(i => i.State == HostState.Crashed).ToDictionary(i => i.Name, i => i.CrashReason);

        var findings = new List<CheckFinding>();
        if (!interrupted)
        {
            var surviving = infos.Where(i => i.State == HostState.Up).Select(i => i.Name).ToList();
            foreach (var list in await Task.WhenAll(surviving.Select(h =>
                Retrying(() => client.GetGrain<IHostGrain>(h).Check(), CancellationToken.None, CheckLimit))))
            {
                findings.AddRange(list);
            }
        }

        // A jail is counted once: first by what became of its host, then by what became of its commands.
        bool Lost(TeardownJail j) => panicked.ContainsKey(j.Host) || crashed.ContainsKey(j.Host);
        var lost = jails.Count(j => panicked.ContainsKey(j.Host));
        var lostWithCrash = jails.Count(j => crashed.ContainsKey(j.Host));
        var withErrors = jails.Count(j => !Lost(j) && (j.Failed || j.BuildFailed));
        var notBuilt = jails.Count(j => !Lost(j) && !j.Built && !j.BuildFailed);
        var notFired = jails.Count(j => !Lost(j) && j.Built && !j.Fired && !j.Failed);
        var clean = jails.Count(j => !Lost(j) && j.Built && j.Fired && !j.Failed);
        var fired = jails.Count(j => j.Fired);
        return new TeardownReport
        {
            Kernel = options.Kernel,
            Pattern = TeardownPatterns.Name(options.Pattern),
            Seed = options.Seed,
            Hosts = hosts.Count,
            HostNames = hosts,
            Jails = jails.Count,
            JailsClean = clean,
            JailsLostWithPanic = lost,
            JailsLostWithCrash = lostWithCrash,
            JailsWithErrors = withErrors,
            JailsNotBuilt = notBuilt,
            JailsNotTornDown = notFired,
            HostsPanicked = panicked.Count,
            PanicIds = [.. panicked.Values.OfType<string>()],
            Panics = [.. panicked.Select(p => new HostPanic(p.Key, p.Value))],
            HostsCrashed = crashed.Count,
            Crashes = [.. crashed.Select(c => new HostCrash(c.Key, c.Value ?? "unknown"))],
            Findings = findings,
            FindingsByKind = findings.GroupBy(f => f.Kind).ToDictionary(g => g.Key, g => g.Count()),
            Errors = new SortedDictionary<string, int>(
                errors.Where(e => !crashed.ContainsKey(e.Key.Host))
                    .GroupBy(e => e.Key.Errno)
                    .ToDictionary(g => g.Key, g => g.Sum(e => e.Value)),
                StringComparer.Ordinal),
            ErrorSamples = [.. samples.Where(f => !crashed.ContainsKey(f.Host))],
            CommandsRefusedAfterPanic = halted.Where(h => !crashed.ContainsKey(h.Key)).Sum(h => h.Value),
            CommandsLostWithCrash = halted.Where(h => crashed.ContainsKey(h.Key)).Sum(h => h.Value)
                + errors.Where(e => crashed.ContainsKey(e.Key.Host)).Sum(e => e.Value),
            DurationSeconds = Math.Round(duration.TotalSeconds, 3),
            BuildSeconds = Math.Round(build.TotalSeconds, 3),
            TeardownsPerSecond = duration.TotalSeconds > 0 ? Math.Round(fired / duration.TotalSeconds, 2) : 0,
            Settled = settled,
            Interrupted = interrupted,
            Options = TeardownOptionsReport.From(options),
        };
    }

    private async Task<CommandResult> ExecAsync(
        string host, IReadOnlyList<string> argv, CancellationToken interrupt, bool count = true)
    {
        await gate.WaitAsync(interrupt);
        CommandResult result;
        try
        {
            using var span = ClientTelemetry.Source.StartActivity(argv[0], ActivityKind.Client);
            span?.SetTag(TelemetryNames.Host, host);
            span?.SetTag(TelemetryNames.Command, string.Join(' ', argv));
            using var either = CancellationTokenSource.CreateLinkedTokenSource(interrupt, CrashOf(host));
            result = await client.GetGrain<IHostGrain>(host).Exec(argv, new ExecOptions { TraceParent = span?.Id })
                .WaitAsync(either.Token);
        }
        catch (OperationCanceledException) when (CrashOf(host).IsCancellationRequested)
        {
            result = CommandResult.Fail($"jailctl: host {host} crashed\n", 1, Crashed);
        }
        catch (Exception e) when (ClusterConnection.IsSiloLoss(e))
        {
            // The call went down with a silo: the host it was for has lost memory there, or will say so.
            result = CommandResult.Fail($"jailctl: {FirstLine(e.Message)}\n", 1, Crashed);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            result = CommandResult.Fail($"jailctl: {FirstLine(e.Message)}\n", errno: "EJAILCTL");
        }
        finally
        {
            gate.Release();
        }

        // A crashed host's threads stop as a panicked host's do, and say EHALTED too: which it was is known once
        // the run is over.
        if (result.ExitCode != 0 && result.Errno is Halted or Crashed)
        {
            halted.AddOrUpdate(host, 1, (_, n) => n + 1);
        }
        else if (result.ExitCode != 0 && count)
        {
            var key = result.Errno ?? $"exit {result.ExitCode}";
            errors.AddOrUpdate((host, key), 1, (_, n) => n + 1);
            progress.Failure();
            if (samples.Count < MaxErrorSamples)
            {
                var command = string.Join(' ', argv);
                samples.Enqueue(new FailedCommand(host, command, result.ExitCode, result.Errno,
                    FirstLine(result.Stderr)));
            }
        }

        return result;
    }

    private static string FirstLine(string text) => text.Split('\n')[0].Trim();
}
