namespace JailCluster.Bench;

using JailCluster.Client.Cluster;
using JailCluster.Kernel.Bench;

/// <summary>
/// A local cluster of real silo processes started for one part of the benchmark, with jailctl's own cluster code,
/// in a state directory of its own. Every silo started is stopped by pid on dispose, whatever happened.
/// </summary>
public sealed class BenchCluster : IAsyncDisposable
{
    private readonly LocalCluster cluster;
    private readonly List<ClusterConnection> probes = [];

    private BenchCluster(LocalCluster cluster, ClusterState state, ClusterConnection connection)
    {
        this.cluster = cluster;
        State = state;
        Connection = connection;
    }

    /// <summary>The silos as started.</summary>
    public ClusterState State { get; }

    /// <summary>A client connected to every gateway.</summary>
    public ClusterConnection Connection { get; }

    /// <summary>The client.</summary>
    public IClusterClient Client => Connection.Client;

    /// <summary>
    /// Starts <paramref name="silos"/> silos with <paramref name="environment"/> set for them (the silos read
    /// <c>JAILCLUSTER_*</c> variables as configuration) and connects.
    /// </summary>
    public static async Task<BenchCluster> StartAsync(
        string stateDirectory, int silos, IReadOnlyDictionary<string, string?> environment, TextWriter log)
    {
        // The silos inherit this process's environment; set what they must see, and restore it after.
        var saved = environment.Keys.ToDictionary(k => k, Environment.GetEnvironmentVariable);
        foreach (var (key, value) in environment)
        {
            Environment.SetEnvironmentVariable(key, value);
        }

        // Silos stop by themselves should this process die without stopping them.
        Environment.SetEnvironmentVariable(LocalCluster.WatchPidVariable, Environment.ProcessId.ToString(
            System.Globalization.CultureInfo.InvariantCulture));
        if (Directory.Exists(stateDirectory))
        {
            Directory.Delete(stateDirectory, recursive: true);
        }

        var local = new LocalCluster(new StateDirectory(stateDirectory), log);
        ClusterState state;
        try
        {
            state = await local.UpAsync(silos, CancellationToken.None);
        }
        finally
        {
            foreach (var (key, value) in saved)
            {
                Environment.SetEnvironmentVariable(key, value);
            }
        }

        try
        {
            var connection = await ClusterConnection.ConnectAsync(
                state, TimeSpan.FromSeconds(60), CancellationToken.None);
            var bench = new BenchCluster(local, state, connection);

            // One client per gateway: a stateless worker called through it runs on that gateway's silo.
            foreach (var silo in state.Silos)
            {
                bench.probes.Add(await ClusterConnection.ConnectAsync(
                    state with { Silos = [silo] }, TimeSpan.FromSeconds(60), CancellationToken.None));
            }

            return bench;
        }
        catch
        {
            await local.DownAsync(CancellationToken.None);
            throw;
        }
    }

    /// <summary>Reads every silo; with <paramref name="collect"/>, after a full garbage collection in each.</summary>
    public async Task<IReadOnlyList<SiloProbe>> ProbeAsync(bool collect = false)
    {
        var readings = await Task.WhenAll(probes.Select(p => p.Client.GetGrain<ISiloProbeGrain>(0).Read(collect)));
        var expected = State.Silos.Select(s => s.Pid).Order().ToArray();
        var got = readings.Select(r => r.Pid).Order().ToArray();
        if (!expected.SequenceEqual(got))
        {
            throw new InvalidOperationException(
                $"the probes answered from pids {string.Join(",", got)}, not one from each silo " +
                $"({string.Join(",", expected)})");
        }

        return readings;
    }

    /// <summary>Grain calls received by all silos, by method, summed.</summary>
    public async Task<Dictionary<string, long>> CallsAsync()
    {
        var totals = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var probe in await ProbeAsync())
        {
            foreach (var (method, count) in probe.Calls)
            {
                totals[method] = totals.GetValueOrDefault(method) + count;
            }
        }

        return totals;
    }

    /// <summary>What all silos have done so far: processor time, allocations, compilations, collections.</summary>
    public async Task<SiloWork> WorkAsync()
    {
        var probes = await ProbeAsync();
        return new SiloWork(
            probes.Sum(p => p.CpuSeconds),
            probes.Sum(p => p.AllocatedBytes),
            probes.Sum(p => p.JitCompiledMethods),
            probes.Sum(p => p.GcPauseSeconds));
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        foreach (var probe in probes)
        {
            await probe.DisposeAsync();
        }

        await Connection.DisposeAsync();
        await cluster.DownAsync(CancellationToken.None);
    }
}
