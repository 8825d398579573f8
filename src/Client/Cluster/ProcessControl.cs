namespace JailCluster.Client.Cluster;

using System.Diagnostics;
using System.Runtime.InteropServices;

/// <summary>Signals and liveness of silo processes, by pid, checking that a pid still names a silo first.</summary>
public static partial class ProcessControl
{
    /// <summary>SIGKILL.</summary>
    public const int SigKill = 9;

    /// <summary>SIGTERM: the silo shuts down gracefully.</summary>
    public const int SigTerm = 15;

    private const string SiloMarker = "JailCluster.Silo";

    /// <summary>True when <paramref name="pid"/> is a live process (not a zombie).</summary>
    public static bool IsAlive(int pid)
    {
        if (pid <= 0)
        {
            return false;
        }

        var stat = $"/proc/{pid}/stat";
        try
        {
            // The state letter follows the parenthesised command name.
            var text = File.ReadAllText(stat);
            var close = text.LastIndexOf(')');
            return close < 0 || close + 2 >= text.Length || (text[close + 2] != 'Z' && text[close + 2] != 'X');
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return true;
        }
    }

    /// <summary>
    /// True when <paramref name="pid"/> is alive and runs JailCluster.Silo, so that a reused pid is never hit.
    /// </summary>
    public static bool IsSilo(int pid)
    {
        if (!IsAlive(pid))
        {
            return false;
        }

        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline").Contains(SiloMarker, StringComparison.Ordinal);
        }
        catch (IOException)
        {
            return false;
        }
    }

    /// <summary>Sends <paramref name="signal"/> to a silo process; false when the pid is no silo any more.</summary>
    public static bool SignalSilo(int pid, int signal) => IsSilo(pid) && Kill(pid, signal) == 0;

    /// <summary>Waits until the process has gone, polling; false when it is still alive at the deadline.</summary>
    public static async Task<bool> WaitForExitAsync(int pid, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        while (IsAlive(pid))
        {
            if (watch.Elapsed > timeout)
            {
                return false;
            }

            await Task.Delay(50, cancellationToken);
        }

        return true;
    }

    /// <summary>
    /// Stops a silo: SIGTERM, then SIGKILL if it has not exited within <paramref name="grace"/>. Returns how it
    /// ended: <c>stopped</c>, <c>killed</c>, or <c>not running</c>.
    /// </summary>
    public static async Task<string> StopSiloAsync(int pid, TimeSpan grace, CancellationToken cancellationToken)
    {
        if (!SignalSilo(pid, SigTerm))
        {
            return "not running";
        }

        if (await WaitForExitAsync(pid, grace, CancellationToken.None))
        {
            return "stopped";
        }

        SignalSilo(pid, SigKill);
        await WaitForExitAsync(pid, TimeSpan.FromSeconds(5), CancellationToken.None);
        cancellationToken.ThrowIfCancellationRequested();
        return "killed";
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}
