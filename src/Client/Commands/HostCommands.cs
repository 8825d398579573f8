namespace JailCluster.Client.Commands;

using JailCluster.Client.Cli;
using JailCluster.Client.Output;
using JailCluster.Hosts;

/// <summary><c>jailctl host boot|reboot|list</c>: power and state of simulated hosts.</summary>
public static class HostCommands
{
    private const string BootUsage =
        "host boot NAME [--kernel VERSION] [--invariants] [--placement spread|local] [--seed N] " +
        "[--tunable NAME=US]...";

    private const string Usage = BootUsage + " | host reboot NAME | host list [--json]";

    /// <summary>Runs the subcommand in <paramref name="args"/>.</summary>
    public static Task<int> RunAsync(CommandContext context, IReadOnlyList<string> args, bool json) =>
        (args.Count > 0 ? args[0] : "") switch
        {
            "boot" => BootAsync(context, args.Skip(1).ToList()),
            "reboot" => RebootAsync(context, args.Skip(1).ToList()),
            "list" => ListAsync(context, args.Skip(1).ToList(), json),
            "" => throw new UsageException($"usage: jailctl {Usage}"),
            var other => throw new UsageException($"unknown host command '{other}'; usage: jailctl {Usage}"),
        };

    /// <summary>Parses a kernel version, naming the known ones when it is not one.</summary>
    public static string ParseKernel(string? text) =>
        text is null ? KernelVersion.Release121
        : KernelVersion.IsKnown(text) ? text
        : throw new UsageException($"unknown kernel '{text}' (known: {string.Join(", ", KernelVersion.All)})");

    /// <summary>Parses a placement word.</summary>
    public static KernelPlacement ParsePlacement(string? text) => text switch
    {
        null or "spread" => KernelPlacement.Spread,
        "local" or "host-local" => KernelPlacement.HostLocal,
        _ => throw new UsageException($"unknown placement '{text}' (use spread or local)"),
    };

    /// <summary>One line describing a booted host.</summary>
    public static string Describe(HostInfo info) =>
        $"{info.Name}: {info.State.ToString().ToLowerInvariant()}, kernel {info.Boot?.Kernel ?? "-"}" +
        $"{(info.Boot?.Invariants == true ? " with INVARIANTS" : "")}, generation {info.Generation}, " +
        $"placement {PlacementWord(info.Boot?.Placement)}";

    private static async Task<int> BootAsync(CommandContext context, List<string> args)
    {
        var options = ArgReader.Parse(
            "host boot", args, ["--kernel", "--placement", "--seed", "--tunable"], ["--invariants"]);
        options.ExpectPositionals(1, BootUsage);
        var name = HostAccess.ValidateName(options.Positionals[0]);
        var boot = new BootOptions
        {
            Kernel = ParseKernel(options.Value("--kernel")),
            Invariants = options.Flag("--invariants"),
            Placement = ParsePlacement(options.Value("--placement")),
            Seed = options.Int("--seed", 0, int.MinValue, int.MaxValue),
            Tunables = TunableParser.Parse(options.Values("--tunable")),
        };

        await using var connection = await context.ConnectAsync();
        var info = await connection.Client.GetGrain<IHostGrain>(name).Boot(boot);
        context.Hosts.Add([name]);
        context.Out.WriteLine(Describe(info));
        return ExitCodes.Ok;
    }

    private static async Task<int> RebootAsync(CommandContext context, List<string> args)
    {
        var options = ArgReader.Parse("host reboot", args, [], []);
        options.ExpectPositionals(1, "host reboot NAME");
        await using var connection = await context.ConnectAsync();
        var (grain, _) = await HostAccess.RequireBootedAsync(connection.Client, options.Positionals[0]);
        var info = await grain.Reboot();
        context.Out.WriteLine(Describe(info));
        return ExitCodes.Ok;
    }

    private static async Task<int> ListAsync(CommandContext context, List<string> args, bool json)
    {
        var options = ArgReader.Parse("host list", args, [], ["--json"]);
        options.ExpectPositionals(0, "host list [--json]");
        json |= options.Flag("--json");

        await using var connection = await context.ConnectAsync();
        var infos = await Task.WhenAll(
            context.Hosts.Names().Select(n => connection.Client.GetGrain<IHostGrain>(n).GetInfo()));
        if (json)
        {
            context.Out.WriteLine(JsonOutput.Serialize(infos.Select(i => new
            {
                name = i.Name,
                state = i.State.ToString().ToLowerInvariant(),
                kernel = i.Boot?.Kernel,
                invariants = i.Boot?.Invariants ?? false,
                placement = PlacementWord(i.Boot?.Placement),
                generation = i.Generation,
                panicId = i.PanicId,
                bootedAt = i.BootedAt,
            })));
            return ExitCodes.Ok;
        }

        var table = new TextTable("NAME", "STATE", "KERNEL", "INVARIANTS", "PLACEMENT", "GEN", "PANIC");
        foreach (var i in infos)
        {
            table.Add(
                i.Name,
                i.State.ToString().ToLowerInvariant(),
                i.Boot?.Kernel ?? "-",
                i.Boot?.Invariants == true ? "yes" : "no",
                PlacementWord(i.Boot?.Placement),
                i.Generation,
                i.PanicId ?? "-");
        }

        context.Out.Write(table.ToString());
        return ExitCodes.Ok;
    }

    private static string PlacementWord(KernelPlacement? placement) => placement switch
    {
        KernelPlacement.HostLocal => "local",
        KernelPlacement.Spread => "spread",
        _ => "-",
    };
}
