namespace JailCluster.Client.Commands;

using System.Diagnostics;
using System.Globalization;
using JailCluster.Client.Cli;
using JailCluster.Client.Cluster;
using JailCluster.Client.Teardown;
using JailCluster.Hosts;
using JailCluster.Panics;
using JailCluster.Tracing.Reading;
using JailCluster.Tracing.Rendering;

/// <summary>
/// <c>jailctl demo</c>: starts its own 3-silo cluster, runs FreeBSD's 2019 cleanup pattern on 12.1 until a host
/// panics (bounded), prints the panic, then runs the same on D56374 and shows that nothing panics, and stops the
/// cluster it started.
/// </summary>
public static class DemoCommand
{
    private const int Silos = 3;
    private const int MaxRounds = 12;
    private const int MinFixedRounds = 3;
    private static readonly TimeSpan PanicBudget = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan FixedBudget = TimeSpan.FromSeconds(25);
    private static readonly TimeSpan TraceWait = TimeSpan.FromSeconds(10);

    /// <summary>Runs the demo.</summary>
    public static async Task<int> RunAsync(CommandContext context, IReadOnlyList<string> args)
    {
        ArgReader.Parse("demo", args, [], []).ExpectPositionals(0, "demo");
        context.HandlesInterrupt = true;
        var output = context.Out;
        var clock = Stopwatch.StartNew();

        // A cluster of its own, so that the demo never touches one the user started.
        var directory = new StateDirectory(
            Path.Combine(Path.GetTempPath(), $"jailcluster-demo-{Environment.ProcessId}"));
        var cluster = new LocalCluster(directory, TextWriter.Null);
        output.WriteLine($"demo: starting a local cluster of {Silos} silos (state in {directory.Path})");
        var succeeded = false;
        try
        {
            var state = await cluster.UpAsync(Silos, context.Interrupt);
            output.WriteLine($"demo: cluster {state.ClusterId} up in {Seconds(clock.Elapsed)} s, " +
                $"silo pids {string.Join(", ", state.Silos.Select(s => s.Pid))}");
            await using var connection =
                await ClusterConnection.ConnectAsync(state, CommandContext.ConnectTimeout, context.Interrupt);
            var quiet = new CommandContext(directory, TextWriter.Null, TextWriter.Null, context.Interrupt);

            output.WriteLine();
            output.WriteLine("demo: FreeBSD 12.1, the 2019 vnet.subr cleanup: 'jail -r' every jail, then at once");
            output.WriteLine("      'ifconfig epairNa destroy' every pair, on 3 hosts x 8 jails, until a host panics");
            var (panicRounds, panic) = await RoundsAsync(
                quiet, connection.Client, KernelVersion.Release121, output, stopOnPanic: true, PanicBudget);
            if (panic is null)
            {
                output.WriteLine(
                    $"demo: no panic on 12.1 in {panicRounds} rounds; " +
                    "the race is timing-dependent, run the demo again");
                return ExitCodes.Failure;
            }

            var report = await connection.Client.GetGrain<IPanicLogGrain>(IPanicLogGrain.ClusterKey).Get(panic);
            output.WriteLine();
            output.WriteLine($"demo: {panic}: the panic report");
            output.WriteLine();
            output.Write(report?.Text ?? "(the panic log has no report for this id)\n");
            output.WriteLine();
            await PrintInterleavingAsync(output, panic, context.Interrupt);

            output.WriteLine();
            var fixedTarget = Math.Max(panicRounds, MinFixedRounds);
            output.WriteLine($"demo: D56374, the same cleanup, {fixedTarget} rounds");
            var (fixedRounds, fixedPanic) = await RoundsAsync(
                quiet, connection.Client, KernelVersion.D56374, output, stopOnPanic: false, FixedBudget, fixedTarget);
            succeeded = fixedPanic is null;
            output.WriteLine(succeeded
                ? $"demo: D56374: no panic and no checker finding in {fixedRounds} round{(fixedRounds == 1 ? "" : "s")}"
                : $"demo: D56374 is not clean ({fixedPanic}): that is a bug in the simulation");
        }
        finally
        {
            output.WriteLine();
            output.WriteLine("demo: stopping the cluster");
            try
            {
                await cluster.DownAsync(CancellationToken.None);
            }
            catch (JailctlException e)
            {
                context.Error.WriteLine($"jailctl: demo: {e.Message}");
            }

            if (succeeded)
            {
                Directory.Delete(directory.Path, recursive: true);
            }
            else
            {
                output.WriteLine($"demo: silo logs kept in {directory.LogsDirectory}");
            }

            output.WriteLine($"demo: done in {Seconds(clock.Elapsed)} s");
        }

        return succeeded ? ExitCodes.Ok : ExitCodes.Failure;
    }

    // Runs teardown rounds until one panics (when asked), the round budget, or the time budget is spent; returns the
    // rounds run and the first panic id, or a checker finding turned into a failure for the fixed kernel.
    private static async Task<(int Rounds, string? Panic)> RoundsAsync(
        CommandContext quiet, IClusterClient client, string kernel, TextWriter output, bool stopOnPanic,
        TimeSpan budget, int rounds = MaxRounds)
    {
        var watch = Stopwatch.StartNew();
        var round = 0;
        string? firstPanic = null;
        while (round < rounds && (round == 0 || watch.Elapsed < budget))
        {
            round++;
            var options = new TeardownOptions
            {
                Kernel = kernel, Hosts = 3, JailsPerHost = 8, Seed = round, HostPrefix = "demo",
            };
            var report = await TeardownCommand.RunAsync(quiet, client, options);
            quiet.Interrupt.ThrowIfCancellationRequested();
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  round {round}: {report.Jails} jails, {report.JailsClean} clean, " +
                $"{report.JailsLostWithPanic} lost with a panic, panics {report.HostsPanicked}" +
                $"{(report.PanicIds.Count > 0 ? " (" + string.Join(", ", report.PanicIds) + ")" : "")}, " +
                $"findings {report.Findings.Count}, {report.DurationSeconds:0.00} s"));
            firstPanic ??= (report.PanicIds.Count > 0 ? report.PanicIds[0] : null)
                ?? (report.Findings.Count > 0 && !stopOnPanic
                    ? $"{report.Findings[0].Kind} on {report.Findings[0].Host}"
                    : null);
            if (stopOnPanic && firstPanic is not null)
            {
                break;
            }
        }

        return (round, firstPanic);
    }

    // The silos write a panicked trace at their next export (every second); wait for it a little, bounded.
    private static async Task PrintInterleavingAsync(TextWriter output, string panicId, CancellationToken interrupt)
    {
        var store = TraceStore.FromEnvironment();
        var watch = Stopwatch.StartNew();
        JailCluster.Tracing.Reading.Trace? trace;
        while ((trace = store.Find(panicId)) is null && watch.Elapsed < TraceWait)
        {
            await Task.Delay(250, interrupt);
        }

        if (trace is null)
        {
            output.WriteLine(
                $"demo: no trace of {panicId} in {store.DirectoryPath} yet (JAILCLUSTER_TRACES_SAMPLING=off?)");
            return;
        }

        output.WriteLine($"demo: trace {trace.TraceId}, the two threads of {panicId} side by side");
        output.WriteLine();
        output.Write(InterleavingRenderer.RenderText(trace));
        output.WriteLine();
        output.WriteLine($"demo: trace files in {store.DirectoryPath}; as a page: jailctl trace {panicId} --html FILE");
    }

    private static string Seconds(TimeSpan time) => time.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture);
}
