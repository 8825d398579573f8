namespace JailCluster.Client.Scripts;

using JailCluster.Client.Cli;
using JailCluster.Client.Commands;
using JailCluster.Commands;
using JailCluster.Hosts;

/// <summary>
/// Runs a parsed script against the cluster. Lines run in order; a line ending in <c>&amp;</c> is started and not
/// waited for, <c>wait</c> waits for all such lines, and the script's end waits too. Like sh(1) without <c>-e</c>,
/// a failing line does not stop the script; the run's status is 1 when any line failed.
/// </summary>
public sealed class ScriptRunner(CommandContext context, IClusterClient client)
{
    private readonly Lock outputGate = new();
    private readonly List<ScriptLine> failed = [];

    /// <summary>Runs <paramref name="lines"/>; returns the exit status.</summary>
    public async Task<int> RunAsync(string file, IReadOnlyList<ScriptLine> lines)
    {
        await CheckHostsAsync(lines);

        var pending = new List<Task>();
        foreach (var line in lines)
        {
            if (context.Interrupt.IsCancellationRequested)
            {
                break;
            }

            switch (line.Kind)
            {
                case ScriptLineKind.Wait:
                    await Task.WhenAll(pending);
                    pending.Clear();
                    break;
                case ScriptLineKind.Exec or ScriptLineKind.Check or ScriptLineKind.Settle when line.Background:
                    pending.Add(RunLineAsync(line));
                    break;
                default:
                    await RunLineAsync(line);
                    break;
            }
        }

        await Task.WhenAll(pending);
        var commands = lines.Count(l => l.Kind != ScriptLineKind.Wait);
        if (context.Interrupt.IsCancellationRequested)
        {
            context.Error.WriteLine($"jailctl: run {file}: interrupted");
            return ExitCodes.Interrupted;
        }

        if (failed.Count == 0)
        {
            return ExitCodes.Ok;
        }

        context.Error.WriteLine(
            $"jailctl: run {file}: {failed.Count} of {commands} command{(commands == 1 ? "" : "s")} failed " +
            $"(line{(failed.Count == 1 ? "" : "s")} {string.Join(", ", failed.Select(l => l.Number).Order())})");
        return ExitCodes.Failure;
    }

    private async Task CheckHostsAsync(IReadOnlyList<ScriptLine> lines)
    {
        foreach (var group in lines.Where(l => l.Host is not null).GroupBy(l => l.Host!))
        {
            var info = await client.GetGrain<IHostGrain>(group.Key).GetInfo();
            if (info.State == HostState.Down)
            {
                throw new JailctlException(
                    $"{group.First().Where}: unknown host '{group.Key}': it has not been booted " +
                    $"(boot it with 'jailctl host boot {group.Key}')",
                    ExitCodes.NoHost);
            }
        }
    }

    private async Task RunLineAsync(ScriptLine line)
    {
        var grain = client.GetGrain<IHostGrain>(line.Host!);
        CommandResult result;
        try
        {
            result = line.Kind switch
            {
                ScriptLineKind.Check => Checked(line.Host!, await grain.Check()),
                ScriptLineKind.Settle => await SettleCommand.SettleAsync(grain, line.Host!, line.SettleSeconds),
                _ => await ExecCommand.ExecAsync(grain, line.Host!, line.Argv, json: false),
            };
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            result = CommandResult.Fail($"jailctl: {line.Where}: {e.Message.Split('\n')[0]}\n");
        }

        lock (outputGate)
        {
            ExecCommand.Print(context.Out, context.Error, result, json: false);
            if (result.ExitCode != 0)
            {
                failed.Add(line);
            }
        }
    }

    private static CommandResult Checked(string host, IReadOnlyList<CheckFinding> findings) =>
        new() { ExitCode = findings.Count == 0 ? 0 : 1, Stdout = CheckCommand.Format(host, findings) };
}
