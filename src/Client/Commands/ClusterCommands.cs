namespace JailCluster.Client.Commands;

using JailCluster.Client.Cli;
using JailCluster.Client.Cluster;
using JailCluster.Client.Output;

/// <summary><c>jailctl cluster up|status|down</c>: the local cluster of silo processes.</summary>
public static class ClusterCommands
{
    private const string Usage =
        "cluster up [--silos N] [--redis CONNECTION] | cluster status [--json] [--grains] | cluster down";

    /// <summary>Runs the subcommand in <paramref name="args"/>.</summary>
    public static Task<int> RunAsync(CommandContext context, IReadOnlyList<string> args, bool json) =>
        (args.Count > 0 ? args[0] : "") switch
        {
            "up" => UpAsync(context, args.Skip(1).ToList()),
            "status" => StatusAsync(context, args.Skip(1).ToList(), json),
            "down" => DownAsync(context, args.Skip(1).ToList()),
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
            $"cluster: {state.Silos.Count} silo{(state.Silos.Count == 1 ? "" : "s")} up, cluster id {state.ClusterId}, " +
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
