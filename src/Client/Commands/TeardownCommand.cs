namespace JailCluster.Client.Commands;

using System.Text.RegularExpressions;
using JailCluster.Client.Cli;
using JailCluster.Client.Output;
using JailCluster.Client.Teardown;

/// <summary><c>jailctl teardown ...</c>: a mass teardown with live progress and a summary table.</summary>
public static partial class TeardownCommand
{
    private static readonly string[] Valued =
    [
        "--hosts", "--jails", "--epairs", "--kernel", "--pattern", "--procs", "--fail-point", "--concurrency", "--seed",
        "--placement", "--host-prefix", "--settle-timeout", "--json", "--tunable",
    ];

    /// <summary>Runs the command.</summary>
    public static async Task<int> RunAsync(CommandContext context, IReadOnlyList<string> args, bool json)
    {
        var (options, jsonFile) = Parse(args);
        context.HandlesInterrupt = true;
        await using var connection = await context.ConnectAsync();
        context.Hosts.Add(options.HostNames);

        var report = await RunAsync(context, connection.Client, options);
        if (jsonFile is not null)
        {
            JsonOutput.WriteFile(jsonFile, report);
        }

        context.Out.Write(json ? JsonOutput.Serialize(report) + "\n" : TeardownTable.Format(report));
        return report.Interrupted ? ExitCodes.Interrupted : ExitCodes.Ok;
    }

    /// <summary>Runs one teardown with progress on standard error.</summary>
    public static async Task<TeardownReport> RunAsync(
        CommandContext context, IClusterClient client, TeardownOptions options)
    {
        var live = !Console.IsErrorRedirected && context.Error == Console.Error;
        await using var progress = new TeardownProgress(context.Error, live);
        using var run = new TeardownRun(client, options, progress);
        return await run.RunAsync(context.Interrupt);
    }

    /// <summary>Parses the teardown options; the second value is the <c>--json FILE</c> path, if any.</summary>
    public static (TeardownOptions Options, string? JsonFile) Parse(IReadOnlyList<string> args)
    {
        var reader = ArgReader.Parse("teardown", args, Valued, ["--invariants"]);
        reader.ExpectPositionals(0, "teardown [options]; see 'jailctl help'");
        var prefix = reader.Value("--host-prefix") ?? "host";
        HostAccess.ValidateName(prefix + "0");

        var options = new TeardownOptions
        {
            Hosts = reader.Int("--hosts", 3, 1, 64),
            HostPrefix = prefix,
            JailsPerHost = reader.Int("--jails", 8, 1, 4096),
            EpairsPerJail = reader.Int("--epairs", 1, 1, 64),
            ProcessesPerJail = reader.Int("--procs", 1, 0, 64),
            Kernel = HostCommands.ParseKernel(reader.Value("--kernel")),
            Invariants = reader.Flag("--invariants"),
            Placement = HostCommands.ParsePlacement(reader.Value("--placement")),
            Pattern = TeardownPatterns.Parse(reader.Value("--pattern")),
            FailPoints = [.. reader.Values("--fail-point").Select(ParseFailPoint)],
            Concurrency = reader.Int("--concurrency", 64, 1, 10000),
            Seed = reader.Int("--seed", 1, int.MinValue / 2, int.MaxValue / 2),
            Tunables = TunableParser.Parse(reader.Values("--tunable")),
            SettleTimeout = TimeSpan.FromSeconds(reader.Int("--settle-timeout", 30, 1, 3600)),
        };
        return (options, reader.Value("--json"));
    }

    // Accepts NAME=SPEC or debug.fail_point.NAME=SPEC; the kernel judges the SPEC.
    private static string ParseFailPoint(string text)
    {
        const string prefix = "debug.fail_point.";
        var bare = text.StartsWith(prefix, StringComparison.Ordinal) ? text[prefix.Length..] : text;
        if (!FailPoint().IsMatch(bare))
        {
            throw new UsageException(
                $"teardown: --fail-point wants NAME=SPEC (for example a7=sleep(50)), not '{text}'");
        }

        return bare;
    }

    [GeneratedRegex("^[a-z0-9_]+=.+$")]
    private static partial Regex FailPoint();
}
