using System.Diagnostics;
using System.Runtime.InteropServices;
using JailCluster.Bench;

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

var clock = Stopwatch.StartNew();
var report = new BenchReport
{
    Date = DateTimeOffset.UtcNow,
    Commit = Git.Describe(),
    Machine = MachineInfo.Read(),
    Options = options,
};
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

var runner = new BenchRunner(options, report, work, Console.Error, Checkpoint, stop.Token);
var status = 0;
try
{
    await runner.RunAsync();
}
catch (Exception e)
{
    // Whatever was measured so far is still written; every cluster has already been stopped by its dispose.
    Console.Error.WriteLine($"bench: failed: {e}");
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
