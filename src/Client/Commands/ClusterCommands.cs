namespace JailCluster.Client.Commands;

using JailCluster.Client.Cli;
using JailCluster.Client.Cluster;
using JailCluster.Client.Output;

/// <summary><c>jailctl cluster up|status|down|kill|start|wait</c>: the local cluster of silo processes.</summary>
public static class ClusterCommands
{
    private const string Usage =
        "cluster up [--silos N] [--redis CONNECTION] | cluster status [--json] [--grains] | cluster down | " +
        "cluster kill SILO | cluster start SILO | cluster wait ACTIVE [SECONDS]";

    /// <summary>Runs the subcommand in <paramref name="args"/>.</summary>
    public static Task<int> RunAsync(CommandContext context, IReadOnlyList<string> args, bool json) =>
        (args.Count > 0 ? args[0] : "") switch
        {
            "up" => UpAsync(context, args.Skip(1).ToList()),
            "status" => StatusAsync(context, args.Skip(1).ToList(), json),
            "down" => DownAsync(context, args.Skip(1).ToList()),
            "kill" => KillAsync(context, args.Skip(1).ToList()),
            "start" => StartAsync(context, args.Skip(1).ToList()),
            "wait" => WaitAsync(context, args.Skip(1).ToList()),
            "" => throw new UsageException($"usage: jailctl {Usage}"),
            var other => throw new UsageException($"unknown cluster command '{other}'; usage: jailctl {Usage}"),
        };

    private static async Task<int> UpAsync(CommandContext context, List<string> args)
    {
        var options = ArgReader.Parse("cluster up", args, ["--silos", "--redis"], []);
        options.ExpectPositionals(0, "cluster up [--silos N] [--redis CONNECTION]");
        var count = options.Int("--silos", 3, 1, 16);
        var redis = options.Value("--redis");
        if (redis is { Length: 0 })
        {
            throw new UsageException("cluster up: --redis needs a connection string (for example 127.0.0.1:6379)");
        }

        var cluster = new LocalCluster(context.State, context.Error);
        var state = await cluster.UpAsync(count, context.Interrupt, redis);
        context.Out.WriteLine(
            $"cluster: {state.Silos.Count} silo{(state.Silos.Count == 1 ? "" : "s")} up, " +
                $"cluster id {state.ClusterId}, " +
            $"gateways {string.Join(",", state.Silos.Select(s => s.GatewayPort))}" +
            $"{(redis is null ? "" : ", membership in Redis")}; state in {context.State.Path}");
        return ExitCodes.Ok;
    }

    private static async Task<int> DownAsync(CommandContext context, List<string> args)
    {
        var options = ArgReader.Parse("cluster down", args, [], []);
        options.ExpectPositionals(0, "cluster down");
        var outcomes = await new LocalCluster(context.State, context.Error).DownAsync(context.Interrupt);
        foreach (var (silo, outcome) in outcomes)
        {
            context.Out.WriteLine($"cluster: {silo.Name} (pid {silo.Pid}) {outcome}");
        }

        return ExitCodes.Ok;
    }

    // A silo dying as a machine does (SIGKILL, no goodbye), for experiments with silo loss.
    private static async Task<int> KillAsync(CommandContext context, List<string> args)
    {
        var options = ArgReader.Parse("cluster kill", args, [], []);
        options.ExpectPositionals(1, "cluster kill SILO");
        var silo = await new LocalCluster(context.State, context.Error)
            .KillAsync(options.Positionals[0], context.Interrupt);
        context.Out.WriteLine($"cluster: {silo.Name} (pid {silo.Pid}) killed");
        return ExitCodes.Ok;
    }

    private static async Task<int> StartAsync(CommandContext context, List<string> args)
    {
        var options = ArgReader.Parse("cluster start", args, [], []);
        options.ExpectPositionals(1, "cluster start SILO");
        var silo = await new LocalCluster(context.State, context.Error)
            .StartAsync(options.Positionals[0], context.Interrupt);
        context.Out.WriteLine(
            $"cluster: {silo.Name} up again (pid {silo.Pid}, silo port {silo.SiloPort}, " +
            $"gateway port {silo.GatewayPort})");
        return ExitCodes.Ok;
    }

    // Until membership counts exactly ACTIVE active silos: after a kill, the dead one is declared dead only once
    // the others have missed enough of its probes.
    private static async Task<int> WaitAsync(CommandContext context, List<string> args)
    {
        const string usage = "cluster wait ACTIVE [SECONDS]";
        var options = ArgReader.Parse("cluster wait", args, [], []);
        if (options.Positionals.Count is < 1 or > 2)
        {
            throw new UsageException($"usage: jailctl {usage}");
        }

        var wanted = PositiveInt(options.Positionals[0], "ACTIVE", usage);
        var seconds = options.Positionals.Count > 1 ? PositiveInt(options.Positionals[1], "SECONDS", usage) : 60;
        await using var connection = await context.ConnectAsync();
        var management = connection.Client.GetGrain<IManagementGrain>(0);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var active = 0;
        while (clock.Elapsed < TimeSpan.FromSeconds(seconds))
        {
            try
            {
                active = (await management.GetHosts(onlyActive: true)).Count;
            }
            catch (Exception e) when (ClusterConnection.IsSiloLoss(e))
            {
                // The management grain was on the silo that went; it comes back elsewhere.
            }

            if (active == wanted)
            {
                context.Out.WriteLine($"cluster: {active} active silo{(active == 1 ? "" : "s")}");
                return ExitCodes.Ok;
            }

            await Task.Delay(200, context.Interrupt);
        }

        context.Error.WriteLine($"jailctl: cluster wait: {active} active silos, not {wanted}, after {seconds} s");
        return ExitCodes.Failure;
    }

    private static int PositiveInt(string text, string name, string usage) =>
        int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture,
            out var value) && value is > 0 and <= 100_000
            ? value
            : throw new UsageException(
                $"cluster wait: {name} must be a positive number, not '{text}'; usage: jailctl {usage}");

    private static async Task<int> StatusAsync(CommandContext context, List<string> args, bool json)
    {
        var options = ArgReader.Parse("cluster status", args, [], ["--json", "--grains"]);
        options.ExpectPositionals(0, "cluster status [--json] [--grains]");
        json |= options.Flag("--json");

        await using var connection = await context.ConnectAsync();
        var management = connection.Client.GetGrain<IManagementGrain>(0);
        var members = (await management.GetDetailedHosts(onlyActive: true))
            .OrderBy(m => m.SiloName, StringComparer.Ordinal)
            .ToList();
        var addresses = members.Select(m => m.SiloAddress).ToArray();
        var statistics = await management.GetRuntimeStatistics(addresses);
        var grains = options.Flag("--grains") ? await management.GetSimpleGrainStatistics(addresses) : [];

        var silos = members.Select((m, i) =>
        {
            var local = connection.State.Silos.FirstOrDefault(s => s.SiloPort == m.SiloAddress.Endpoint.Port);
            return new SiloStatus
            {
                Name = m.SiloName,
                Address = m.SiloAddress.ToParsableString(),
                Status = m.Status.ToString(),
                Pid = local?.Pid,
                SiloPort = m.SiloAddress.Endpoint.Port,
                GatewayPort = m.ProxyPort,
                Primary = local?.Primary ?? false,
                Activations = statistics[i].ActivationCount,
                Grains = grains.Where(g => g.SiloAddress.Equals(m.SiloAddress))
                    .GroupBy(g => ShortTypeName(g.GrainType))
                    .ToDictionary(g => g.Key, g => g.Sum(x => x.ActivationCount)),
            };
        }).ToList();

        if (json)
        {
            context.Out.WriteLine(JsonOutput.Serialize(new { clusterId = connection.State.ClusterId, silos }));
            return ExitCodes.Ok;
        }

        var table = new TextTable("NAME", "ADDRESS", "STATUS", "PID", "ACTIVATIONS");
        foreach (var s in silos)
        {
            var pid = s.Pid?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-";
            table.Add(s.Name + (s.Primary ? " (primary)" : ""), s.Address, s.Status, pid, s.Activations);
        }

        var plural = silos.Count == 1 ? "" : "s";
        context.Out.Write($"cluster {connection.State.ClusterId}: {silos.Count} active silo{plural}\n{table}");
        if (options.Flag("--grains"))
        {
            var byType = new TextTable("SILO", "GRAIN TYPE", "ACTIVATIONS");
            foreach (var s in silos)
            {
                foreach (var (type, count) in s.Grains.OrderBy(g => g.Key, StringComparer.Ordinal))
                {
                    byType.Add(s.Name, type, count);
                }
            }

            context.Out.Write(byType.ToString());
        }

        return ExitCodes.Ok;
    }

    // "JailCluster.Kernel.Net.VnetGrain,JailCluster.Grains" -> "VnetGrain".
    private static string ShortTypeName(string grainType)
    {
        var type = grainType.Split(',')[0];
        return type[(type.LastIndexOf('.') + 1)..];
    }
}
