namespace JailCluster.Client.Commands;

using System.Globalization;
using JailCluster.Client.Cli;
using JailCluster.Tracing.Dashboard;
using JailCluster.Tracing.Reading;

/// <summary>
/// <c>jailctl dashboard [--port N] [--no-replay]</c>: starts the Aspire dashboard on loopback, loads the recorded
/// trace files into it, says where to point live traces, and runs until Ctrl-C.
/// </summary>
public static class DashboardCommand
{
    /// <summary>Runs the command.</summary>
    public static async Task<int> RunAsync(CommandContext context, IReadOnlyList<string> args)
    {
        var options = ArgReader.Parse("dashboard", args, ["--port"], ["--no-replay"]);
        options.ExpectPositionals(0, "dashboard [--port N] [--no-replay]");
        var dashboardOptions = new AspireDashboardOptions();
        if (options.Value("--port") is { } port)
        {
            if (!int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out var p) || p is < 1 or > 65535)
            {
                throw new UsageException($"--port: '{port}' is not a port number");
            }

            dashboardOptions.FrontendPort = p;
        }

        context.HandlesInterrupt = true;
        await using var dashboard = await StartAsync(dashboardOptions, context.Interrupt);
        context.Out.WriteLine($"dashboard: {dashboard.Url} (pid {dashboard.ProcessId}, loopback only, no login)");
        if (!options.Flag("--no-replay"))
        {
            var store = TraceStore.FromEnvironment();
            var replayed = await TraceReplayer.ReplayAsync(store, dashboard.OtlpHttpEndpoint, null, context.Interrupt);
            context.Out.WriteLine(
                $"dashboard: loaded {replayed.Traces} traces ({replayed.Spans} spans) from {store.DirectoryPath}");
        }

        context.Out.WriteLine(
            "dashboard: for live traces start the cluster with " +
            $"OTEL_EXPORTER_OTLP_ENDPOINT={dashboard.OtlpGrpcEndpoint}");
        context.Out.WriteLine("dashboard: Ctrl-C stops it");
        try
        {
            await Task.Delay(Timeout.Infinite, context.Interrupt);
        }
        catch (OperationCanceledException)
        {
        }

        context.Out.WriteLine("dashboard: stopped");
        return ExitCodes.Ok;
    }

    private static async Task<AspireDashboard> StartAsync(AspireDashboardOptions options, CancellationToken cancel)
    {
        try
        {
            return await AspireDashboard.StartAsync(options, cancel);
        }
        catch (Exception e) when (e is FileNotFoundException or InvalidOperationException)
        {
            throw new JailctlException("dashboard: " + e.Message);
        }
    }
}
