namespace JailCluster.Client.Cluster;

using System.Diagnostics;
using System.Globalization;
using JailCluster.Client.Cli;
using JailCluster.Client.Output;

/// <summary>Starts and stops silo processes on this machine, recording them in the state directory.</summary>
public sealed class LocalCluster(StateDirectory directory, TextWriter progress)
{
    /// <summary>When set to a pid, every silo started stops by itself once that process has gone.</summary>
    public const string WatchPidVariable = "JAILCLUSTER_WATCH_PID";

    private static readonly TimeSpan SiloStartTimeout = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(20);

    /// <summary>
    /// Starts <paramref name="count"/> silos on free loopback ports (the primary first, then the others at once)
    /// and returns once every one of them is active in membership. With <paramref name="redis"/>, membership lives
    /// in that Redis instead of the primary silo.
    /// </summary>
    public async Task<ClusterState> UpAsync(int count, CancellationToken cancellationToken, string? redis = null)
    {
        var existing = JsonOutput.ReadFile<ClusterState>(directory.ClusterFile);
        var alive = existing?.Silos.Where(s => ProcessControl.IsSilo(s.Pid, directory.Path)).ToList() ?? [];
        if (alive.Count > 0)
        {
            throw new JailctlException(
                $"a cluster is already running in {directory.Path} (pids " +
                    $"{string.Join(", ", alive.Select(s => s.Pid))}); " +
                "stop it with 'jailctl cluster down'");
        }

        Directory.CreateDirectory(directory.Path);
        Directory.CreateDirectory(directory.LogsDirectory);
        if (Directory.Exists(directory.SilosDirectory))
        {
            Directory.Delete(directory.SilosDirectory, recursive: true);
        }

        var silo = SiloLocator.FindSilo();
        var dotnet = SiloLocator.FindDotnet();
        var ports = FreePorts.Take(count * 2);
        var clusterId = string.Create(
            CultureInfo.InvariantCulture, $"jailcluster-{Environment.ProcessId}-{Environment.TickCount64 % 100000}");
        var started = new List<LocalSilo>();
        try
        {
            var primary = await StartOneAsync(
                dotnet, silo, clusterId, redis, "silo0", ports[0], ports[1], ports[0], cancellationToken);
            started.Add(primary);
            var others = await Task.WhenAll(Enumerable.Range(1, count - 1).Select(i => StartOneAsync(
                dotnet, silo, clusterId, redis, $"silo{i}", ports[2 * i], ports[(2 * i) + 1], ports[0],
                cancellationToken)));
            started.AddRange(others);
        }
        catch
        {
            await StopAsync(started, CancellationToken.None);
            throw;
        }

        var state = new ClusterState
        {
            ClusterId = clusterId,
            ServiceId = "jailcluster",
            Redis = redis,
            Silos = started,
            StartedAt = DateTimeOffset.UtcNow,
        };
        JsonOutput.WriteFile(directory.ClusterFile, state);

        await WaitForMembershipAsync(state, cancellationToken);
        return state;
    }

    /// <summary>Stops what <see cref="UpAsync"/> started: the secondaries first, then the primary.</summary>
    public async Task<IReadOnlyList<(LocalSilo Silo, string Outcome)>> DownAsync(CancellationToken cancellationToken)
    {
        var state = JsonOutput.ReadFile<ClusterState>(directory.ClusterFile)
            ?? throw new JailctlException(
                $"no cluster running (nothing started in {directory.Path})", ExitCodes.Unavailable);
        var outcomes = await StopAsync(state.Silos, cancellationToken);
        File.Delete(directory.ClusterFile);
        return outcomes;
    }

    /// <summary>
    /// Starts again the silo <paramref name="name"/> of the running cluster, which has exited (killed, crashed or
    /// stopped), on its old ports, and returns once it is active in membership again.
    /// </summary>
    public async Task<LocalSilo> StartAsync(string name, CancellationToken cancellationToken)
    {
        var state = ReadRunning();
        var old = Find(state, name);
        if (ProcessControl.IsSilo(old.Pid, directory.Path))
        {
            throw new JailctlException($"{name} is running (pid {old.Pid})");
        }

        if (old.Primary)
        {
            throw new JailctlException(
                $"{name} was the primary silo and held the membership table, which died with it; " +
                "start the cluster again with 'jailctl cluster down' and 'jailctl cluster up'");
        }

        // The dead silo's state file still names its old pid; the new one announces itself by writing it anew.
        File.Delete(directory.SiloFile(old.SiloPort));
        var primaryPort = state.Silos.FirstOrDefault(s => s.Primary)?.SiloPort ?? old.SiloPort;
        var restarted = await StartOneAsync(
            SiloLocator.FindDotnet(), SiloLocator.FindSilo(), state.ClusterId, state.Redis, name, old.SiloPort,
            old.GatewayPort, primaryPort, cancellationToken);
        var updated = state with { Silos = [.. state.Silos.Select(s => s.Name == name ? restarted : s)] };
        JsonOutput.WriteFile(directory.ClusterFile, updated);
        await WaitForMembershipAsync(updated, cancellationToken);
        return restarted;
    }

    /// <summary>Kills the silo <paramref name="name"/> with SIGKILL, as a machine dies: no goodbye.</summary>
    public async Task<LocalSilo> KillAsync(string name, CancellationToken cancellationToken)
    {
        var silo = Find(ReadRunning(), name);
        if (!ProcessControl.SignalSilo(silo.Pid, directory.Path, ProcessControl.SigKill))
        {
            throw new JailctlException($"{name} is not running");
        }

        if (!await ProcessControl.WaitForExitAsync(silo.Pid, StopGrace, cancellationToken))
        {
            throw new JailctlException($"{name} (pid {silo.Pid}) is still running after SIGKILL");
        }

        return silo;
    }

    private ClusterState ReadRunning() =>
        JsonOutput.ReadFile<ClusterState>(directory.ClusterFile)
            ?? throw new JailctlException(
                $"no cluster running (nothing started in {directory.Path}); start one with 'jailctl cluster up'",
                ExitCodes.Unavailable);

    private static LocalSilo Find(ClusterState state, string name) =>
        state.Silos.FirstOrDefault(s => s.Name == name)
            ?? throw new JailctlException(
                $"no silo named '{name}' in this cluster (silos: " +
                    $"{string.Join(", ", state.Silos.Select(s => s.Name))})");

    private async Task<IReadOnlyList<(LocalSilo Silo, string Outcome)>> StopAsync(
        IReadOnlyList<LocalSilo> silos, CancellationToken cancellationToken)
    {
        // The primary holds the development membership table: the others must leave it before it goes.
        var secondaries = silos.Where(s => !s.Primary).ToList();
        var results = (await Task.WhenAll(secondaries.Select(async s =>
            (s, await ProcessControl.StopSiloAsync(s.Pid, directory.Path, StopGrace, cancellationToken))))).ToList();
        foreach (var primary in silos.Where(s => s.Primary))
        {
            results.Add((primary, await ProcessControl.StopSiloAsync(primary.Pid, directory.Path, StopGrace,
                cancellationToken)));
        }

        return results;
    }

    private async Task<LocalSilo> StartOneAsync(
        string dotnet,
        string silo,
        string clusterId,
        string? redis,
        string name,
        int siloPort,
        int gatewayPort,
        int primaryPort,
        CancellationToken cancellationToken)
    {
        var log = Path.Combine(directory.LogsDirectory, $"{name}.log");
        var start = new ProcessStartInfo("/bin/sh") { UseShellExecute = false };

        // The silo outlives jailctl: its output goes to its log, never to jailctl's pipes, and it gets a session
        // of its own so that a Ctrl-C meant for jailctl does not reach it.
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(File.Exists("/usr/bin/setsid")
            ? "exec /usr/bin/setsid \"$0\" \"$@\" >>\"$JAILCLUSTER_SILO_LOG\" 2>&1 </dev/null"
            : "exec \"$0\" \"$@\" >>\"$JAILCLUSTER_SILO_LOG\" 2>&1 </dev/null");
        start.ArgumentList.Add(dotnet);
        string[] membership = redis is null ? ["--primary-port", Text(primaryPort)] : ["--redis", redis];
        string[] args =
        [
            silo, "--name", name, "--cluster-id", clusterId,
            "--silo-port", Text(siloPort), "--gateway-port", Text(gatewayPort), "--state-dir", directory.Path,
            .. membership,
        ];
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        if (Environment.GetEnvironmentVariable(WatchPidVariable) is { Length: > 0 } watch)
        {
            start.ArgumentList.Add("--watch-pid");
            start.ArgumentList.Add(watch);
        }

        start.Environment["JAILCLUSTER_SILO_LOG"] = log;
        using var process = Process.Start(start) ?? throw new JailctlException($"could not start {dotnet}");
        progress.WriteLine(
            $"cluster: starting {name} (pid {process.Id}, silo port {siloPort}, gateway port {gatewayPort})");

        var watchClock = Stopwatch.StartNew();
        var file = directory.SiloFile(siloPort);
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (File.Exists(file) && JsonOutput.ReadFile<SiloStateRecord>(file) is { Pid: > 0 } record)
            {
                return new LocalSilo
                {
                    Name = name,
                    Pid = record.Pid,
                    SiloPort = siloPort,
                    GatewayPort = gatewayPort,
                    Primary = siloPort == primaryPort && redis is null,
                    LogFile = log,
                };
            }

            if (process.HasExited)
            {
                throw new JailctlException($"{name} exited during start (status {process.ExitCode}): {LastLine(log)}");
            }

            if (watchClock.Elapsed > SiloStartTimeout)
            {
                ProcessControl.SignalSilo(process.Id, directory.Path, ProcessControl.SigKill);
                throw new JailctlException(
                    $"{name} did not start within {SiloStartTimeout.TotalSeconds:0} s; see {log}");
            }

            await Task.Delay(100, cancellationToken);
        }
    }

    private static async Task WaitForMembershipAsync(ClusterState state, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        await using var connection = await ClusterConnection.ConnectAsync(state, SiloStartTimeout, cancellationToken);
        var management = connection.Client.GetGrain<IManagementGrain>(0);
        while (true)
        {
            var active = await management.GetHosts(onlyActive: true, cancellationToken);
            if (active.Count >= state.Silos.Count)
            {
                return;
            }

            if (watch.Elapsed > SiloStartTimeout)
            {
                throw new JailctlException(
                    $"only {active.Count} of {state.Silos.Count} silos joined within " +
                        $"{SiloStartTimeout.TotalSeconds:0} s");
            }

            await Task.Delay(100, cancellationToken);
        }
    }

    private static string LastLine(string log)
    {
        try
        {
            return File.ReadLines(log).LastOrDefault(l => l.Trim().Length > 0)?.Trim() ?? $"see {log}";
        }
        catch (IOException)
        {
            return $"see {log}";
        }
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
