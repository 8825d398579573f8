namespace JailCluster.Client.Commands;

using System.Diagnostics;
using JailCluster.Client.Cli;
using JailCluster.Commands;
using JailCluster.Hosts;
using JailCluster.Telemetry;

/// <summary><c>jailctl -H HOST &lt;FreeBSD command line&gt;</c>: runs the line on the host, as a shell would.</summary>
public static class ExecCommand
{
    /// <summary>
    /// Runs <paramref name="argv"/> on <paramref name="host"/>; prints its output, returns its status.
    /// </summary>
    public static async Task<int> RunAsync(CommandContext context, string host, IReadOnlyList<string> argv, bool json)
    {
        await using var connection = await context.ConnectAsync();
        var (grain, _) = await HostAccess.RequireBootedAsync(connection.Client, host);
        var result = await ExecAsync(grain, host, argv, json);
        Print(context.Out, context.Error, result, json);
        return result.ExitCode;
    }

    /// <summary>Runs one command line under a client span.</summary>
    public static async Task<CommandResult> ExecAsync(
        IHostGrain grain, string host, IReadOnlyList<string> argv, bool json)
    {
        var name = argv.Count > 0 ? argv[0] : "exec";
        using var activity = ClientTelemetry.Source.StartActivity(name, ActivityKind.Client);
        activity?.SetTag(TelemetryNames.Host, host);
        activity?.SetTag(TelemetryNames.Command, string.Join(' ', argv));
        var result = await grain.Exec(argv, new ExecOptions { Json = json, TraceParent = activity?.Id });
        if (result.ExitCode != 0)
        {
            activity?.SetStatus(ActivityStatusCode.Error, result.Errno ?? $"exit {result.ExitCode}");
        }

        return result;
    }

    /// <summary>Prints a result: its JSON when asked for and present, else its text.</summary>
    public static void Print(TextWriter output, TextWriter error, CommandResult result, bool json)
    {
        if (json && result.Json is { } data)
        {
            output.Write(data.EndsWith('\n') ? data : data + "\n");
        }
        else
        {
            output.Write(result.Stdout);
        }

        error.Write(result.Stderr);
    }
}
