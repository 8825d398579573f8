namespace JailCluster.Kernel.Usr;

using System.Globalization;
using JailCluster.Kernel.Fail;
using JailCluster.Kernel.Kern;

/// <summary>
/// JailCluster's own <c>fpwait NAME [SECONDS]</c>: waits until a thread is paused at a fail point, so a
/// script can go on knowing that the thread has arrived. Not a FreeBSD command.
/// </summary>
public static class Fpwait
{
    /// <summary>fpwait name [seconds]</summary>
    public static async Task<int> Main(KThread td, string[] args, ProcIo io)
    {
        var seconds = 30;
        if (args.Length is < 1 or > 2
            || (args.Length == 2 && !int.TryParse(args[1], NumberStyles.None, CultureInfo.InvariantCulture,
                out seconds)))
        {
            io.Err("usage: fpwait fail_point [seconds]");
            return 64;
        }

        var name = args[0].StartsWith("debug.fail_point.", StringComparison.Ordinal)
            ? args[0]["debug.fail_point.".Length..] : args[0];
        if (!FailPointNames.IsKnown(name))
        {
            return io.Fail($"fpwait: unknown fail point '{name}'", Errno.ENOENT);
        }

        var paused = await td.K.Kernel.WaitForPause(name, TimeSpan.FromSeconds(seconds));
        if (paused.Count == 0)
        {
            return io.Fail($"fpwait: no thread reached fail point {name} within {seconds} s", Errno.ESRCH);
        }

        var who = paused.Select(p => $"{p.Thread} (pid {p.Pid}, tid {p.Tid})");
        io.Out($"debug.fail_point.{name}: paused: {string.Join(", ", who)}");
        return 0;
    }
}
