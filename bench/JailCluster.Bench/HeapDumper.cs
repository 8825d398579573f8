namespace JailCluster.Bench;

/// <summary>
/// Takes a <c>dotnet-gcdump</c> of every silo at a step of the memory measurement and keeps its report, by type, in a
/// directory per step, for <c>bench/tools/heap-diff.py</c> to compare two steps.
/// </summary>
public sealed class HeapDumper(string tool, string directory, TextWriter log)
{
    private int serial;

    /// <summary>
    /// The <c>dotnet-gcdump</c> to use: <c>$DOTNET_TOOLS/dotnet-gcdump</c>, then the one <c>heap-per-jail.sh</c>
    /// installs under <c>/tmp</c>, then the one on the path; null when there is none.
    /// </summary>
    public static string? FindTool()
    {
        var places = new[]
        {
            Environment.GetEnvironmentVariable("DOTNET_TOOLS"),
            "/tmp/jailcluster-dotnet-tools",
        }.Concat((Environment.GetEnvironmentVariable("PATH") ?? "").Split(':'));
        return places
            .Where(p => !string.IsNullOrEmpty(p))
            .Select(p => Path.Combine(p!, "dotnet-gcdump"))
            .FirstOrDefault(File.Exists);
    }

    /// <summary>Dumps every silo of <paramref name="cluster"/> and returns the step's directory.</summary>
    public async Task<string> DumpAsync(BenchCluster cluster, string step)
    {
        var stepDirectory = Path.Combine(directory, $"{++serial}-{step}");
        Directory.CreateDirectory(stepDirectory);
        foreach (var silo in cluster.State.Silos)
        {
            var dump = Path.Combine(stepDirectory, $"{silo.Pid}.gcdump");
            await RunAsync("collect", "-p", silo.Pid.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "-o", dump);
            var report = await RunAsync("report", dump);
            await File.WriteAllTextAsync(Path.Combine(stepDirectory, $"{silo.Pid}.txt"), report);

            // The report is what is compared; the dump itself is tens of megabytes at 10,000 jails.
            File.Delete(dump);
        }

        log.WriteLine($"memory: heap dumps of step '{step}' in {stepDirectory}");
        return stepDirectory;
    }

    private async Task<string> RunAsync(params string[] arguments)
    {
        var (code, stdout, stderr) = await ToolProcess.RunAsync(tool, arguments)
            ?? throw new InvalidOperationException($"{tool} did not start");
        return code == 0 ? stdout : throw new InvalidOperationException(
            $"{tool} {string.Join(' ', arguments)} exited with {code}: {stderr.Trim()}");
    }
}
