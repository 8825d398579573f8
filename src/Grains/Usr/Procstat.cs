namespace JailCluster.Kernel.Usr;

using System.Globalization;
using System.Text.Json;
using JailCluster.Kernel.Kern;

/// <summary>usr.bin/procstat -kk: the kernel stacks of the threads asleep right now.</summary>
public static class Procstat
{
    /// <summary>procstat -kk [-a]</summary>
    public static async Task<int> Main(KThread td, string[] args, ProcIo io)
    {
        if (args.Length == 0 || args[0] != "-kk" || args.Skip(1).Any(a => a != "-a"))
        {
            io.Err("usage: procstat -kk [-a]");
            return 64;
        }

        var blocked = await td.K.Kernel.Blocked();
        io.Out("  PID    TID COMM                TDNAME              KSTACK");
        foreach (var b in blocked)
        {
            var sleep = b.WaitChannel.StartsWith("fail point", StringComparison.Ordinal)
                ? "mi_switch sleepq_switch sleepq_timedwait _sleep fail_point_eval_nontrivial"
                : "mi_switch sleepq_switch sleepq_wait _sx_xlock_hard _sx_xlock";
            var comm = b.Pid == 0 ? "kernel" : b.Thread;
            io.Out(string.Create(CultureInfo.InvariantCulture,
                $"{b.Pid,5} {b.Tid,6} {comm,-19} {b.Thread,-19} {sleep} " +
                $"{string.Join(' ', b.Stack)} [{b.WaitChannel}]"));
        }

        if (io.WantsJson)
        {
            io.Json = JsonSerializer.Serialize(blocked);
        }

        return 0;
    }
}
