namespace JailCluster.Client.Commands;

using JailCluster.Client.Cli;
using JailCluster.Tracing.Reading;
using JailCluster.Tracing.Rendering;

/// <summary>
/// <c>jailctl trace --list</c> and <c>jailctl trace ID [--html FILE]</c>: the traces the cluster's processes wrote,
/// and one of them (by trace id or panic id) as a two-lane interleaving, in the terminal or as a page.
/// </summary>
public static class TraceCommand
{
    /// <summary>Runs the command; reads the traces directory only, so it needs no running cluster.</summary>
    public static Task<int> RunAsync(CommandContext context, IReadOnlyList<string> args)
    {
        var options = ArgReader.Parse("trace", args, ["--html"], ["--list"]);
        var store = TraceStore.FromEnvironment();
        if (options.Flag("--list"))
        {
            options.ExpectPositionals(0, "trace --list");
            context.Out.Write(TraceListRenderer.RenderText(store.List()));
            return Task.FromResult(ExitCodes.Ok);
        }

        options.ExpectPositionals(1, "trace --list | trace ID [--html FILE]");
        var id = options.Positionals[0];
        var trace = store.Find(id) ?? throw new JailctlException(
            $"no trace '{id}' in {store.DirectoryPath} (kept are panics, failures and a share of the rest; " +
            "see JAILCLUSTER_TRACES_SAMPLING)");
        if (options.Value("--html") is { } file)
        {
            File.WriteAllText(file, InterleavingRenderer.RenderHtml(trace));
            context.Out.WriteLine($"trace {trace.TraceId}: {file}");
        }
        else
        {
            context.Out.Write(InterleavingRenderer.RenderText(trace));
        }

        return Task.FromResult(ExitCodes.Ok);
    }
}
