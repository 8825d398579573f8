namespace JailCluster.Bench;

using System.Diagnostics;

/// <summary>A command-line tool run to its end, its output captured: git, dotnet-gcdump.</summary>
public static class ToolProcess
{
    /// <summary>
    /// Runs <paramref name="file"/> with <paramref name="arguments"/> and returns its exit status and output; null
    /// when it cannot be started at all (not installed).
    /// </summary>
    public static async Task<(int ExitCode, string Stdout, string Stderr)?> RunAsync(
        string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Process? process;
        try
        {
            process = Process.Start(start);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }

        if (process is null)
        {
            return null;
        }

        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            return (process.ExitCode, await stdout, await stderr);
        }
    }
}
