using System.Diagnostics;
using System.Runtime.InteropServices;
using JailCluster.Bench;
using JailCluster.Client.Cli;

// Benchmark of the simulated kernel against the Orleans ceiling on local clusters of real silo processes it starts
// and stops itself (bench/README.md). Run from the repository root:
//   dotnet run -c Release --project bench/JailCluster.Bench -- [--quick]
BenchOptions options;
try
{
    options = BenchOptions.Parse(args);
}
catch (Exception e) when (e is ArgumentException or FormatException)
{
    Console.Error.WriteLine($"JailCluster.Bench: {e.Message}");
    return 64;
}

HeapDumper? dumper = null;
if (options.HeapDumpDirectory is { } dumps)
{
    if (HeapDumper.FindTool() is not { } tool)
    {
        Console.Error.WriteLine("JailCluster.Bench: --gcdump needs dotnet-gcdump; install it with " +
            "'dotnet tool install --tool-path /tmp/jailcluster-dotnet-tools dotnet-gcdump --version 10.0.750501'");
        return 64;
    }

    if (!options.Includes("memory"))
    {
        Console.Error.WriteLine("JailCluster.Bench: --gcdump dumps the heap during the memory measurement, " +
            "which --skip leaves out");
        return 64;
    }

    dumper = new HeapDumper(tool, Path.GetFullPath(dumps), Console.Error);
}

var clock = Stopwatch.StartNew();
var report = new BenchReport
{
    Date = DateTimeOffset.UtcNow,
    Commit = await Git.DescribeAsync(),
    Machine = MachineInfo.Read(),
    Options = options,
};

// The silos read JAILCLUSTER_* variables as configuration and DOTNET_GC* ones as garbage collector settings: a
// result must say which ones it ran with.
foreach (var (name, value) in Environment.GetEnvironmentVariables().Cast<System.Collections.DictionaryEntry>()
    .Select(e => ((string)e.Key, e.Value as string))
    .Where(e => e.Item1.StartsWith("JAILCLUSTER_", StringComparison.Ordinal)
        || e.Item1.StartsWith("DOTNET_GC", StringComparison.OrdinalIgnoreCase))
    .OrderBy(e => e.Item1, StringComparer.Ordinal))
{
    report.Notes.Add($"environment: {name}={value}");
}

var work = Path.Combine(Path.GetTempPath(), $"jailcluster-bench-{Environment.ProcessId}");
Console.Error.WriteLine($"bench: {report.Machine.Processors} processors, {report.Machine.MemoryMiB} MiB, " +
    $"load {report.Machine.LoadAtStart}, commit {report.Commit}, work directory {work}");

// Results are written after each part, so that an interrupted run still leaves what it measured.
void Checkpoint()
{
    report.Seconds = Math.Round(clock.Elapsed.TotalSeconds, 1);
    report.Machine.LoadAtEnd = MachineInfo.Load();
    ResultWriter.Write(report, options.ResultsDirectory);
}

// Ctrl-C or SIGTERM stops after the current measurement; the clusters are then stopped by their disposal.
using var stop = new CancellationTokenSource();
using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
void Stop(PosixSignalContext signal)
{
    signal.Cancel = true;
    Console.Error.WriteLine("bench: stopping after the current measurement");
    stop.Cancel();
}

var runner = new BenchRunner(options, report, work, Console.Error, Checkpoint, dumper, stop.Token);
var status = 0;
try
{
    await runner.RunAsync();
}
catch (Exception e)
{
    // Whatever was measured so far is still written; every cluster has already been stopped by its dispose. A
    // cluster that would not start (a bad JAILCLUSTER_* setting, a port taken) says why in jailctl's words; anything
    // else is a bug of the bench and shows where.
    Console.Error.WriteLine(e is JailctlException ? $"bench: failed: {e.Message}" : $"bench: failed: {e}");
    report.Notes.Add($"the run failed before the end: {e.GetType().Name}: {e.Message.Split('\n')[0]}");
    status = 1;
}

if (status == 0)
{
    try
    {
        Directory.Delete(work, recursive: true);
    }
    catch (IOException)
    {
        // Only the silos' logs and trace files of this run; nothing depends on their removal.
    }
}
else
{
    Console.Error.WriteLine($"bench: the silos' logs are in {work}");
}

report.Seconds = Math.Round(clock.Elapsed.TotalSeconds, 1);
report.Machine.LoadAtEnd = MachineInfo.Load();
Console.Out.Write(ResultWriter.Table(report));
var (markdown, json) = ResultWriter.Write(report, options.ResultsDirectory);
Console.Error.WriteLine($"bench: wrote {markdown} and {json} in {report.Seconds:0} s");
return status;
