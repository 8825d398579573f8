namespace JailCluster.Kernel.Usr;

using JailCluster.Kernel.Kern;
using JailCluster.Kernel.Net;

/// <summary>The system calls the userland programs make, entered the way amd64 enters them.</summary>
public static class Syscalls
{
    /// <summary>SIOCIFCREATE2.</summary>
    public const string SIOCIFCREATE2 = "SIOCIFCREATE2";

    /// <summary>SIOCIFDESTROY.</summary>
    public const string SIOCIFDESTROY = "SIOCIFDESTROY";

    /// <summary>SIOCSIFVNET.</summary>
    public const string SIOCSIFVNET = "SIOCSIFVNET";

    /// <summary>SIOCSIFRVNET.</summary>
    public const string SIOCSIFRVNET = "SIOCSIFRVNET";

    /// <summary>SIOCSIFNAME.</summary>
    public const string SIOCSIFNAME = "SIOCSIFNAME";

    /// <summary>Enters a system call: the trap frames, then the <c>sys_*</c> function.</summary>
    public static FrameScope Enter(KThread td, string sys)
    {
        var entry = Trap(td);
        td.Enter(sys);
        return entry;
    }

    /// <summary>The frames amd64 pushes on the way from user mode to a <c>sys_*</c> function.</summary>
    public static FrameScope Trap(KThread td)
    {
        var entry = td.Enter("fast_syscall_common", span: false);
        td.Enter("amd64_syscall", span: false);
        return entry;
    }

    /// <summary>
    /// <c>ioctl(2)</c> on a socket down to <c>ifioctl</c>. From r368237 on, destroy and the vnet moves run
    /// under <c>ifnet_detach_sxlock</c>.
    /// </summary>
    public static async Task<int> Ioctl(KThread td, string cmd, Func<Task<int>> body)
    {
        using var s = Enter(td, "sys_ioctl");
        using var k = td.Enter("kern_ioctl");
        using var i = td.Enter("ifioctl");
        var sx = td.K.Features.DetachSxLock && cmd is SIOCIFDESTROY or SIOCSIFVNET or SIOCSIFRVNET;
        if (sx)
        {
            await td.XLock(IfNet.DetachSx);
        }

        try
        {
            return await body();
        }
        finally
        {
            if (sx)
            {
                await td.XUnlock(IfNet.DetachSx);
            }
        }
    }

    /// <summary><c>jail_attach(2)</c>: the process's credential now points at the prison.</summary>
    public static async Task<int> JailAttach(KThread td, string jail)
    {
        using var s = Enter(td, "sys_jail_attach");
        var entry = await td.K.Kernel.PrisonFind(jail, includeDying: false);
        if (entry is null)
        {
            return Errno.ENOENT;
        }

        using var d = td.Enter("do_jail_attach");
        var prison = await td.PrisonAt(entry.Address);
        if (!await prison.AttachProc(td.Pid))
        {
            return Errno.ENOENT;
        }

        var view = await prison.Read();
        td.Prison = entry.Address;
        if (view.Vnet != 0)
        {
            td.CurVnet = view.Vnet;
        }

        return 0;
    }
}
