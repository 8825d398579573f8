namespace JailCluster.Client.Commands;

using System.Globalization;
using JailCluster.Client.Cli;
using JailCluster.Client.Output;
using JailCluster.Panics;

/// <summary><c>jailctl panics [--json]</c> and <c>jailctl panic show ID</c>: the cluster's panic log.</summary>
public static class PanicCommands
{
    /// <summary>Lists every panic, oldest first.</summary>
    public static async Task<int> ListAsync(CommandContext context, IReadOnlyList<string> args, bool json)
    {
        var options = ArgReader.Parse("panics", args, [], ["--json"]);
        options.ExpectPositionals(0, "panics [--json]");
        json |= options.Flag("--json");

        await using var connection = await context.ConnectAsync();
        var panics = await connection.Client.GetGrain<IPanicLogGrain>(IPanicLogGrain.ClusterKey).List();
        if (json)
        {
            context.Out.WriteLine(JsonOutput.Serialize(panics.Select(ToJson)));
            return ExitCodes.Ok;
        }

        if (panics.Count == 0)
        {
            context.Out.WriteLine("no panics");
            return ExitCodes.Ok;
        }

        var table = new TextTable("ID", "HOST", "KERNEL", "THREAD", "STEP", "MESSAGE", "TIME");
        foreach (var p in panics)
        {
            table.Add(p.Id, p.Host, p.Kernel, p.Thread, p.Step ?? "-", p.Message,
                p.Time.ToUniversalTime().ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture));
        }

        context.Out.Write(table.ToString());
        return ExitCodes.Ok;
    }

    /// <summary>Prints one panic's report as the console showed it.</summary>
    public static async Task<int> ShowAsync(CommandContext context, IReadOnlyList<string> args)
    {
        if (args.Count == 0 || args[0] != "show")
        {
            throw new UsageException("usage: jailctl panic show ID");
        }

        var options = ArgReader.Parse("panic show", args.Skip(1).ToList(), [], []);
        options.ExpectPositionals(1, "panic show ID");
        var id = options.Positionals[0];

        await using var connection = await context.ConnectAsync();
        var report = await connection.Client.GetGrain<IPanicLogGrain>(IPanicLogGrain.ClusterKey).Get(id)
            ?? throw new JailctlException($"no panic '{id}' (see 'jailctl panics')");
        context.Out.Write(report.Text.EndsWith('\n') ? report.Text : report.Text + "\n");
        return ExitCodes.Ok;
    }

    /// <summary>The JSON shape of one panic in listings.</summary>
    public static object ToJson(PanicReport p) => new
    {
        id = p.Id,
        host = p.Host,
        generation = p.Generation,
        kernel = p.Kernel,
        thread = p.Thread,
        pid = p.Pid,
        message = p.Message,
        trapNumber = p.TrapNumber,
        faultAddress = string.Create(CultureInfo.InvariantCulture, $"0x{p.FaultAddress:x}"),
        step = p.Step,
        culprit = p.Culprit is not { } c ? null : new { c.Action, c.Object, c.Field, c.Thread, c.Step },
        traceId = p.TraceId,
        time = p.Time,
    };
}
