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
    /// True when <paramref name="pid"/> is a live process (not a thread of one) running JailCluster.Silo for the
    /// state directory <paramref name="stateDirectory"/>. Pids wrap quickly here (thread ids share their space), so
    /// a recorded pid is signalled only while it is still that very silo.
    /// </summary>
    public static bool IsSilo(int pid, string stateDirectory)
    {
        if (!IsAlive(pid))
        {
            return false;
        }

        try
        {
            var leader = File.ReadLines($"/proc/{pid}/status")
                .FirstOrDefault(l => l.StartsWith("Tgid:", StringComparison.Ordinal))?[5..].Trim();
            if (leader != pid.ToString(System.Globalization.CultureInfo.InvariantCulture))
            {
                return false;
            }

            var args = File.ReadAllText($"/proc/{pid}/cmdline").Split('\0');
            var state = Array.IndexOf(args, "--state-dir");
            return args.Any(a => a.EndsWith(SiloMarker + ".dll", StringComparison.Ordinal))
                && state >= 0 && state + 1 < args.Length
                && Path.GetFullPath(args[state + 1]) == Path.GetFullPath(stateDirectory);
        }
        catch (IOException)
        {
            return false;
        }
    }

    /// <summary>
    /// Sends <paramref name="signal"/> to a silo of <paramref name="stateDirectory"/>; false when it is none.
    /// </summary>
    public static bool SignalSilo(int pid, string stateDirectory, int signal) =>
        IsSilo(pid, stateDirectory) && Kill(pid, signal) == 0;

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
    public static async Task<string> StopSiloAsync(
        int pid, string stateDirectory, TimeSpan grace, CancellationToken cancellationToken)
    {
        if (!SignalSilo(pid, stateDirectory, SigTerm))
        {
            return "not running";
        }

        if (await WaitForExitAsync(pid, grace, CancellationToken.None))
        {
            return "stopped";
        }

        SignalSilo(pid, stateDirectory, SigKill);
        await WaitForExitAsync(pid, TimeSpan.FromSeconds(5), CancellationToken.None);
        cancellationToken.ThrowIfCancellationRequested();
        return "killed";
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}
