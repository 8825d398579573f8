namespace JailCluster.Kernel.Kern;

using System.Diagnostics;
using JailCluster.Kernel.Memory;
using JailCluster.Kernel.Net;

/// <summary>sys/kern/kern_jail.c: create, remove, reference counting, and the teardown at the last reference.</summary>
public static class KernJail
{
    /// <summary>SIGKILL.</summary>
    public const int Sigkill = 9;

    /// <summary><c>kern_jail_set</c> with JAIL_CREATE: returns the errno and the new prison's jid.</summary>
    public static async Task<(int Error, int Jid, ulong Prison)> kern_jail_set(KThread td, string name,
        bool persist, bool vnet)
    {
        using var f = td.Enter("kern_jail_set");
        var pr = await td.Alloc(KType.Prison, name);
        var jid = await td.K.Kernel.PrisonAdd(name, pr);
        if (jid < 0)
        {
            await td.Free(pr, "prison");
            return (-jid, 0, 0);
        }

        var v = vnet ? await VnetSubr.vnet_alloc(td, name) : 0;
        await td.K.Prison(pr).Setup(jid, persist, v);
        if (!persist)
        {
            // A jail with neither persist nor a process has nothing holding it: it goes at once.
            await td.K.Kernel.PrisonDying(pr);
            await prison_deref(td, pr, refs: 0, urefs: 0);
        }

        return (0, jid, pr);
    }

    /// <summary><c>sys_jail_remove</c> -&gt; <c>prison_remove_one</c>.</summary>
    public static async Task<int> sys_jail_remove(KThread td, string jail)
    {
        using var f = td.Enter("sys_jail_remove");
        var entry = await td.K.Kernel.PrisonFind(jail, includeDying: false);
        if (entry is null)
        {
            return Errno.EINVAL;
        }

        await prison_remove_one(td, entry.Address);
        return 0;
    }

    /// <summary>
    /// <c>prison_remove_one</c>: clear persist, send SIGKILL to every process without waiting, and drop
    /// the persist reference. When that was the last reference, the teardown runs here, in this thread.
    /// </summary>
    public static async Task prison_remove_one(KThread td, ulong pr)
    {
        using var f = td.Enter("prison_remove_one");
        var prison = await td.PrisonAt(pr);
        var wasPersist = await prison.Remove();
        await td.K.Kernel.PrisonDying(pr);
        var view = await prison.Read();
        foreach (var pid in view.Procs)
        {
            await td.K.Proc(pid).Signal(Sigkill, Activity.Current?.Id);
        }

        var drop = wasPersist ? 1 : 0;
        await prison_deref(td, pr, drop, drop);
    }

    /// <summary><c>prison_deref</c>: drop references; at the last one, destroy the vnet and free the prison.</summary>
    public static async Task prison_deref(KThread td, ulong pr, int refs, int urefs)
    {
        using var f = td.Enter("prison_deref");
        var prison = await td.PrisonAt(pr);
        var view = await prison.Release(refs, urefs);
        if (view.Ref > 0 || view.Freed)
        {
            return;
        }

        await td.K.Kernel.PrisonUnlist(pr);
        if (view.Vnet != 0)
        {
            await VnetSubr.vnet_destroy(td, view.Vnet);
        }

        await td.Free(pr, "prison");
    }

    /// <summary>
    /// <c>prison_free</c> (from <c>crfree</c>): drop a reference, or, for the last one, queue
    /// <c>prison_complete</c> on <c>taskqueue_thread</c>, which does the rest later.
    /// </summary>
    public static async Task prison_free(KThread td, ulong pr)
    {
        using var f = td.Enter("prison_free");
        if (await (await td.PrisonAt(pr)).FreeOrDefer())
        {
            await SubrTaskqueue.taskqueue_enqueue(td, SubrTaskqueue.Thread, "prison_complete", pr);
        }
    }

    /// <summary><c>exit1</c> of a jailed process: give back the user reference, then the credential's.</summary>
    public static async Task exit1(KThread td, ulong pr)
    {
        using var f = td.Enter("exit1");
        using (td.Enter("prison_proc_free"))
        {
            await (await td.PrisonAt(pr)).DetachProc(td.Pid);
        }

        using (td.Enter("crfree"))
        {
            await prison_free(td, pr);
        }
    }
}
