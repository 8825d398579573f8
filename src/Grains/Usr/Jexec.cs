namespace JailCluster.Kernel.Usr;

using System.Globalization;
using JailCluster.Kernel.Kern;

/// <summary>usr.sbin/jexec: run a command inside a jail.</summary>
public static class Jexec
{
    /// <summary>jexec jail command ...</summary>
    public static async Task<int> Main(KThread td, string[] args, ProcIo io, IProcess proc)
    {
        if (args.Length < 2)
        {
            io.Err("usage: jexec [-l] [-u username | -U username] jail command ...");
            return 64;
        }

        var jail = args[0];
        if (await Syscalls.JailAttach(td, jail) != 0)
        {
            return io.Fail($"jexec: jail \"{jail}\" not found", Errno.ENOENT);
        }

        var command = args[1..];
        if (command[0] == "sleep")
        {
            if (command.Length != 2 || !int.TryParse(command[1], NumberStyles.None, CultureInfo.InvariantCulture,
                out var seconds))
            {
                await KernJail.exit1(td, td.Prison);
                io.Err("usage: sleep number[unit] [...]");
                return 64;
            }

            // The process stays, holding its reference to the jail, until its time is up or it is killed.
            proc.SleepInJail(td, td.Prison, seconds);
            io.Out(td.Pid.ToString(CultureInfo.InvariantCulture));
            return 0;
        }

        int code;
        if (command[0] == "ifconfig")
        {
            code = await Ifconfig.Main(td, command[1..], io, proc);
        }
        else if (command[0] == "jls")
        {
            code = await Jls.Main(td, command[1..], io);
        }
        else
        {
            io.Err($"jexec: execvp: {command[0]}: No such file or directory");
            code = 1;
        }

        await KernJail.exit1(td, td.Prison);
        return code;
    }
}
