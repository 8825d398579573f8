namespace JailCluster.Bench;

using System.Diagnostics;
using JailCluster.Client;
using JailCluster.Commands;
using JailCluster.Hosts;

/// <summary>
/// Builds jails with one epair each and tears them down with one of jailctl's patterns, timing the build and the
/// teardown apart and counting the silos' grain calls around the teardown only. The commands are jailctl's
/// (reference section 7): <c>ifconfig epair create</c>, <c>jail -c ... vnet vnet.interface=epairNb</c>, optionally
/// <c>jexec J sleep 3600</c>; then <c>jail -r</c> and <c>ifconfig epairNa destroy</c> in the pattern's order.
/// </summary>
public sealed class TeardownDriver(BenchCluster cluster, int concurrency) : IDisposable
{
    private static readonly TimeSpan SettleTimeout = TimeSpan.FromSeconds(60);

    private readonly SemaphoreSlim gate = new(concurrency);
    private int failed;

    /// <inheritdoc />
    public void Dispose() => gate.Dispose();

    /// <summary>Boots <paramref name="hosts"/> on <paramref name="kernel"/>.</summary>
    public async Task BootAsync(IReadOnlyList<string> hosts, string kernel, KernelPlacement placement, int seed)
    {
        await Task.WhenAll(hosts.Select((h, i) => cluster.Client.GetGrain<IHostGrain>(h).Boot(new BootOptions
        {
            Kernel = kernel,
            Placement = placement,
            Seed = seed + i,
        })));
    }

    /// <summary>Builds <paramref name="jails"/>; returns the seconds it took.</summary>
    public async Task<double> BuildAsync(IReadOnlyList<BenchJail> jails, int processes)
    {
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(jails.Select(j => BuildOneAsync(j, processes)));
        return clock.Elapsed.TotalSeconds;
    }

    /// <summary>
    /// Tears <paramref name="jails"/> down with <paramref name="pattern"/> (vnet-subr-2019, simultaneous or
    /// vnet-subr-modern), waits until every host settles, and reports.
    /// </summary>
    public async Task<TeardownOutcome> TeardownAsync(
        IReadOnlyList<BenchJail> jails, string pattern, double buildSeconds, bool trace)
    {
        var built = jails.Where(j => j.Built).ToList();
        var hosts = jails.Select(j => j.Host).Distinct().ToList();
        failed = 0;
        if (trace)
        {
            foreach (var jail in built)
            {
                jail.Span = ClientTelemetry.StartRoot("teardown");
                jail.Span?.SetTag(Telemetry.TelemetryNames.Host, jail.Host);
                jail.Span?.SetTag(Telemetry.TelemetryNames.Jail, jail.Name);
                Activity.Current = null;
            }
        }

        var callsBefore = await cluster.CallsAsync();
        var before = await cluster.WorkAsync();
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(built.GroupBy(j => j.Host).Select(host => pattern switch
        {
            "vnet-subr-2019" => Fire2019Async([.. host]),
            "vnet-subr-modern" => Task.WhenAll(host.Select(FireModernAsync)),
            _ => Task.WhenAll(host.Select(FireSimultaneousAsync)),
        }));
        var settled = (await Task.WhenAll(hosts.Select(h =>
            cluster.Client.GetGrain<IHostGrain>(h).Settle(SettleTimeout)))).All(s => s);
        var seconds = clock.Elapsed.TotalSeconds;
        var work = await cluster.WorkAsync() - before;
        var callsAfter = await cluster.CallsAsync();

        foreach (var jail in built)
        {
            jail.Span?.Dispose();
            jail.Span = null;
        }

        var infos = await Task.WhenAll(hosts.Select(h => cluster.Client.GetGrain<IHostGrain>(h).GetInfo()));
        var panicked = infos.Where(i => i.State == HostState.Panicked).Select(i => i.Name).ToHashSet();
        return new TeardownOutcome
        {
            Jails = built.Count,
            Seconds = seconds,
            BuildSeconds = buildSeconds,
            Panics = panicked.Count,
            Clean = built.Count(j => !panicked.Contains(j.Host)),
            Failed = failed,
            Settled = settled,
            Calls = callsAfter.ToDictionary(c => c.Key, c => c.Value - callsBefore.GetValueOrDefault(c.Key))
                .Where(c => c.Value > 0).ToDictionary(StringComparer.Ordinal),
            Silos = work,
        };
    }

    /// <summary>Jails named j0..j(n-1) on each host, interleaved across hosts.</summary>
    public static IReadOnlyList<BenchJail> Plan(IReadOnlyList<string> hosts, int jailsPerHost, int offset = 0) =>
        [.. Enumerable.Range(offset, jailsPerHost).SelectMany(j => hosts.Select(h => new BenchJail(h, $"j{j}")))];

    private async Task BuildOneAsync(BenchJail jail, int processes)
    {
        var created = await ExecAsync(jail.Host, ["ifconfig", "epair", "create"]);
        var name = created.Stdout.Trim();
        if (created.ExitCode != 0 || !name.EndsWith('a'))
        {
            return;
        }

        jail.HostSide = name;
        var b = name[..^1] + "b";
        var jailed = await ExecAsync(
            jail.Host, ["jail", "-c", $"name={jail.Name}", "persist", "vnet", $"vnet.interface={b}"]);
        if (jailed.ExitCode != 0)
        {
            return;
        }

        for (var p = 0; p < processes; p++)
        {
            if ((await ExecAsync(jail.Host, ["jexec", jail.Name, "sleep", "3600"])).ExitCode != 0)
            {
                return;
            }
        }

        jail.Built = true;
    }

    // vnet.subr of 2019: jail -r for every jail of the host, then ifconfig destroy for every pair at once.
    private async Task Fire2019Async(IReadOnlyList<BenchJail> host)
    {
        await Task.WhenAll(host.Select(j => JailCommandAsync(j, ["jail", "-r", j.Name])));
        await Task.WhenAll(host.Select(j => JailCommandAsync(j, ["ifconfig", j.HostSide!, "destroy"])));
    }

    private async Task FireModernAsync(BenchJail jail)
    {
        await JailCommandAsync(jail, ["jexec", jail.Name, "ifconfig", jail.HostSide![..^1] + "b", "destroy"]);
        await JailCommandAsync(jail, ["jail", "-r", jail.Name]);
    }

    private Task FireSimultaneousAsync(BenchJail jail) => Task.WhenAll(
        JailCommandAsync(jail, ["jail", "-r", jail.Name]),
        JailCommandAsync(jail, ["ifconfig", jail.HostSide!, "destroy"]));

    private async Task JailCommandAsync(BenchJail jail, IReadOnlyList<string> argv)
    {
        Activity.Current = jail.Span;
        var result = await ExecAsync(jail.Host, argv);
        if (result.ExitCode != 0 && result.Errno != "EHALTED")
        {
            Interlocked.Increment(ref failed);
        }
    }

    private async Task<CommandResult> ExecAsync(string host, IReadOnlyList<string> argv)
    {
        await gate.WaitAsync();
        try
        {
            using var span = ClientTelemetry.Source.StartActivity(argv[0], ActivityKind.Client);
            return await cluster.Client.GetGrain<IHostGrain>(host).Exec(argv, ExecOptions.Default);
        }
        catch (Exception e) when (e is TimeoutException or OrleansException)
        {
            return CommandResult.Fail($"bench: {e.Message}\n", errno: "EBENCH");
        }
        finally
        {
            gate.Release();
        }
    }
}
