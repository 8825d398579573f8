namespace JailCluster.Client.Commands;

using JailCluster.Client.Cli;
using JailCluster.Client.Output;
using JailCluster.Commands;
using JailCluster.Hosts;

/// <summary><c>jailctl -H HOST check [--json]</c>: the invariant checker; exit 0 when clean, 1 when not.</summary>
public static class CheckCommand
{
    /// <summary>Runs the command.</summary>
    public static async Task<int> RunAsync(CommandContext context, string host, IReadOnlyList<string> args, bool json)
    {
        var options = ArgReader.Parse("check", args, [], ["--json"]);
        options.ExpectPositionals(0, "-H HOST check [--json]");
        json |= options.Flag("--json");

        await using var connection = await context.ConnectAsync();
        var (grain, info) = await HostAccess.RequireBootedAsync(connection.Client, host);
        if (info.State == HostState.Panicked)
        {
            throw HostAccess.Panicked(info);
        }

        var findings = await grain.Check();
        if (json)
        {
            context.Out.WriteLine(JsonOutput.Serialize(new { host, clean = findings.Count == 0, findings }));
        }
        else
        {
            context.Out.Write(Format(host, findings));
        }

        return findings.Count == 0 ? ExitCodes.Ok : ExitCodes.Failure;
    }

    /// <summary>The findings as text: one line when clean, else a table.</summary>
    public static string Format(string host, IReadOnlyList<CheckFinding> findings)
    {
        if (findings.Count == 0)
        {
            return $"{host}: clean\n";
        }

        var table = new TextTable("KIND", "OBJECTS", "DETAIL");
        foreach (var finding in findings)
        {
            table.Add(finding.Kind, string.Join(", ", finding.Objects), finding.Detail);
        }

        return $"{host}: {findings.Count} finding{(findings.Count == 1 ? "" : "s")}\n{table}";
    }
}
