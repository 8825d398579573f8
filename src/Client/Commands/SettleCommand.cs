namespace JailCluster.Client.Commands;

using System.Globalization;
using JailCluster.Client.Cli;
using JailCluster.Commands;
using JailCluster.Hosts;

/// <summary>
/// <c>jailctl -H HOST settle [SECONDS]</c>: waits until nothing is left to happen on the host by itself (no dying
/// jail, no queued or running task) or it has panicked. A barrier for scripts: after <c>sysctl ...=off</c> lets a
/// paused thread go on, <c>settle</c> returns once that thread has finished, or panicked the host.
/// </summary>
public static class SettleCommand
{
    /// <summary>Default bound on the wait.</summary>
    public const int DefaultSeconds = 30;

    /// <summary>Runs the command.</summary>
    public static async Task<int> RunAsync(CommandContext context, string host, IReadOnlyList<string> args)
    {
        var seconds = ParseSeconds(args, "jailctl -H HOST settle [SECONDS]", message => new UsageException(message));
        await using var connection = await context.ConnectAsync();
        var (grain, _) = await HostAccess.RequireBootedAsync(connection.Client, host);
        var result = await SettleAsync(grain, host, seconds);
        ExecCommand.Print(context.Out, context.Error, result, json: false);
        return result.ExitCode;
    }

    /// <summary>Waits for the host to settle and says how it ended, as a command result.</summary>
    public static async Task<CommandResult> SettleAsync(IHostGrain grain, string host, int seconds)
    {
        var settled = await grain.Settle(TimeSpan.FromSeconds(seconds));
        var info = await grain.GetInfo();
        if (info.State == HostState.Panicked)
        {
            return CommandResult.Ok($"{host}: panicked ({info.PanicId})\n");
        }

        return settled
            ? CommandResult.Ok($"{host}: settled\n")
            : CommandResult.Fail($"settle: {host} still busy after {seconds} s\n");
    }

    /// <summary>The optional SECONDS argument (1 to 3600).</summary>
    public static int ParseSeconds(IReadOnlyList<string> args, string usage, Func<string, Exception> error)
    {
        if (args.Count == 0)
        {
            return DefaultSeconds;
        }

        if (args.Count > 1 || !int.TryParse(args[0], NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || seconds is < 1 or > 3600)
        {
            throw error($"usage: {usage} (SECONDS from 1 to 3600)");
        }

        return seconds;
    }
}
