namespace JailCluster.Kernel.Net;

using JailCluster.Kernel.Fail;
using JailCluster.Kernel.Kern;
using JailCluster.Kernel.Memory;
using static JailCluster.Kernel.Memory.Layouts;

/// <summary>
/// sys/net/if.c: attach, detach, move between vnets, free. Steps A1..A13 of the reference are marked where
/// they run; each fires its fail point first. Names are FreeBSD's, so a span or a backtrace frame reads
/// exactly like the function it models.
/// </summary>
public static class IfNet
{
    /// <summary>The name of the global ifnet lock in traces.</summary>
    public const string IfnetWlock = "IFNET_WLOCK";

    /// <summary>The sx lock of r368237.</summary>
    public const string DetachSx = FailPointNames.IfnetDetachSxlock;

    /// <summary><c>if_attach</c> for a new interface in the current vnet.</summary>
    public static async Task if_attach(KThread td, ulong ifp)
    {
        using var f = td.Enter("if_attach");
        var idx = await (await td.Vnet(td.CurVnet)).IndexAlloc(ifp);
        await td.Store(ifp, Ifnet.IfIndex, (ulong)idx);
        await if_attach_internal(td, ifp, vmove: false, cloned: true);
    }

    /// <summary><c>if_attach_internal</c>: A11 and A12 when moving.</summary>
    public static async Task<int> if_attach_internal(KThread td, ulong ifp, bool vmove, bool cloned)
    {
        using var f = td.Enter("if_attach_internal");
        if (vmove && await td.Step("a11") is var e11 and not 0)
        {
            return e11;
        }

        await td.Store(ifp, Ifnet.IfVnet, td.CurVnet);
        var groups = await td.Load(ifp, Ifnet.IfGroups);
        await td.Store(ifp, Ifnet.IfGroups, groups | (ulong)Groups.All | (cloned ? (ulong)Groups.Epair : 0UL));

        if (vmove && await td.Step("a12") is var e12 and not 0)
        {
            return e12;
        }

        var name = await td.LoadName(ifp);
        var home = await td.Load(ifp, Ifnet.IfHomeVnet);
        var vnet = await td.Vnet(td.CurVnet);
        td.Locked(IfnetWlock, acquire: true);
        await vnet.Link(new VnetEntry(ifp, name, home));
        td.Locked(IfnetWlock, acquire: false);
        return 0;
    }

    /// <summary><c>if_detach</c>: full detach of an interface from the vnet it names.</summary>
    public static async Task if_detach(KThread td, ulong ifp)
    {
        using var f = td.Enter("if_detach");
        if (td.K.Features.DetachSxLock)
        {
            await td.XLock(DetachSx);
        }

        var saved = td.CurVnet;
        td.CurVnet = await td.Load(ifp, Ifnet.IfVnet);
        var (error, _) = await if_detach_internal(td, ifp, vmove: false, unlinked: false);
        td.CurVnet = saved;
        _ = error; // ENOENT: the interface was not on the list; if_detach goes on regardless.

        if (td.K.Features.DetachSxLock)
        {
            await td.XUnlock(DetachSx);
        }
    }

    /// <summary>
    /// <c>if_detach_internal</c>: unlink from the current vnet's list (A2), then the sleeping teardown
    /// (A3..A8). Returns ENOENT when the interface was not on the list.
    /// </summary>
    public static async Task<(int Error, bool Cloned)> if_detach_internal(KThread td, ulong ifp, bool vmove,
        bool unlinked)
    {
        using var f = td.Enter("if_detach_internal");
        if (!unlinked)
        {
            if (vmove && await td.Step("a2") is var e2 and not 0)
            {
                return (e2, false);
            }

            var vnet = await td.Vnet(td.CurVnet);
            td.Locked(IfnetWlock, acquire: true);
            var found = await vnet.Unlink(ifp);
            td.Locked(IfnetWlock, acquire: false);
            if (!found)
            {
                if (!vmove && td.K.Features.DetachMissPanics)
                {
                    throw await td.Panic($"if_detach_internal: ifp {Memory.KAddr.Format(ifp)} not on the ifnet tailq");
                }

                // "While we would want to panic here, we cannot guarantee that the interface is indeed
                // still on the list given we don't hold locks all the way." (12.1)
                return (Errno.ENOENT, false);
            }
        }

        if (vmove && await td.Step("a3") is var e3 and not 0)
        {
            return (e3, false);
        }

        await Sync.Epoch.epoch_wait_preempt(td);

        if (vmove && await td.Step("a4") is var e4 and not 0)
        {
            return (e4, false);
        }

        await if_delgroups(td, ifp);

        if (vmove && await td.Step("a5") is var e5 and not 0)
        {
            return (e5, false);
        }

        var linktask = new KTask { Function = "if_linktask", Arg = ifp };
        await SubrTaskqueue.taskqueue_drain(td, SubrTaskqueue.Swi, linktask.Key);

        var cloned = false;
        if (vmove)
        {
            if (await td.Step("a6") is var e6 and not 0)
            {
                return (e6, false);
            }

            cloned = await if_clone_findifc(td, ifp);
        }

        if (vmove && await td.Step("a7") is var e7 and not 0)
        {
            return (e7, cloned);
        }

        await if_down(td, ifp);

        if (vmove && await td.Step("a8") is var e8 and not 0)
        {
            return (e8, cloned);
        }

        // if_purgeaddrs, in6_ifdetach, rt_flushifroutes: they sleep, and touch nothing the race is about.
        await td.Sleep(td.K.Boot.Options.Tunables.IfPurgeMicros, "if_purgeaddrs");
        if (!vmove)
        {
            await if_dead(td, ifp);
        }

        return (0, cloned);
    }

    /// <summary>
    /// <c>if_vmove</c>: detach from the current vnet (A1..A8), free the index there (A9), take one in the
    /// new vnet (A10), attach there (A11, A12), reattach bpf (A13).
    /// </summary>
    public static async Task<int> if_vmove(KThread td, ulong ifp, ulong newVnet, bool unlinked)
    {
        using var f = td.Enter("if_vmove");
        if (await td.Step("a1") is var e1 and not 0)
        {
            return e1;
        }

        var bpf = await td.Load(ifp, Ifnet.IfBpf);
        var (error, cloned) = await if_detach_internal(td, ifp, vmove: true, unlinked);
        if (error != 0)
        {
            // Lost the race: someone else detached it; if_vmove returns quietly.
            return error;
        }

        if (await td.Step("a9") is var e9 and not 0)
        {
            return e9;
        }

        var index = await td.Load(ifp, Ifnet.IfIndex);
        var oldVnet = await td.Vnet(td.CurVnet);
        td.Locked(IfnetWlock, acquire: true);
        await oldVnet.IndexFree((int)index, ifp, td.Provenance("free", td.CurVnet, "ifindex"));
        td.Locked(IfnetWlock, acquire: false);

        if (await td.Step("a10") is var e10 and not 0)
        {
            return e10;
        }

        var saved = td.CurVnet;
        td.CurVnet = newVnet;
        var target = await td.Vnet(newVnet);
        td.Locked(IfnetWlock, acquire: true);
        var slot = await target.IndexAlloc(ifp);
        td.Locked(IfnetWlock, acquire: false);
        await td.Store(ifp, Ifnet.IfIndex, (ulong)slot);

        var attached = await if_attach_internal(td, ifp, vmove: true, cloned);
        if (attached == 0)
        {
            if (await td.Step("a13") is var e13 and not 0)
            {
                td.CurVnet = saved;
                return e13;
            }

            await td.Store(ifp, Ifnet.IfBpf, bpf);
        }

        td.CurVnet = saved;
        return attached;
    }

    /// <summary><c>if_vmove_loan</c> (SIOCSIFVNET): move an interface of this vnet into a jail.</summary>
    public static async Task<int> if_vmove_loan(KThread td, ulong ifp, string jail)
    {
        using var f = td.Enter("if_vmove_loan");
        var pr = await td.K.Kernel.PrisonFind(jail, includeDying: false);
        if (pr is null)
        {
            return Errno.ENXIO;
        }

        var view = await (await td.PrisonAt(pr.Address)).Read();
        var from = await td.Load(ifp, Ifnet.IfVnet);
        if (view.Vnet == 0 || view.Vnet == from)
        {
            return Errno.EEXIST;
        }

        var name = await td.LoadName(ifp);
        if (await (await td.Vnet(view.Vnet)).FindByName(name) != 0)
        {
            return Errno.EEXIST;
        }

        if (await td.Load(from, Layouts.Vnet.VnetState) == Layouts.Vnet.StateShutdown)
        {
            return Errno.EBUSY;
        }

        var saved = td.CurVnet;
        td.CurVnet = from;
        var error = await if_vmove(td, ifp, view.Vnet, unlinked: false);
        td.CurVnet = saved;
        return error == Errno.ENOENT ? Errno.ENXIO : error;
    }

    /// <summary><c>if_vmove_reclaim</c> (SIOCSIFRVNET): take an interface back from a jail into this vnet.</summary>
    public static async Task<int> if_vmove_reclaim(KThread td, string name, string jail)
    {
        using var f = td.Enter("if_vmove_reclaim");
        var pr = await td.K.Kernel.PrisonFind(jail, includeDying: false);
        if (pr is null)
        {
            return Errno.ENXIO;
        }

        var view = await (await td.PrisonAt(pr.Address)).Read();
        if (view.Vnet == 0)
        {
            return Errno.EINVAL;
        }

        var ifp = await (await td.Vnet(view.Vnet)).FindByName(name);
        if (ifp == 0)
        {
            return Errno.ENXIO;
        }

        if (view.Vnet == td.CurVnet || await (await td.Vnet(td.CurVnet)).FindByName(name) != 0)
        {
            return Errno.EEXIST;
        }

        if (await td.Load(view.Vnet, Layouts.Vnet.VnetState) == Layouts.Vnet.StateShutdown)
        {
            return Errno.EBUSY;
        }

        var target = td.CurVnet;
        td.CurVnet = view.Vnet;
        var error = await if_vmove(td, ifp, target, unlinked: false);
        td.CurVnet = target;
        return error == Errno.ENOENT ? Errno.ENXIO : error;
    }

    /// <summary>
    /// <c>if_down</c>, with <c>if_unroute</c> inlined as in the kernel that printed the seed's backtrace.
    /// </summary>
    public static async Task if_down(KThread td, ulong ifp)
    {
        using var f = td.Enter("if_down");
        var flags = await td.Load(ifp, Ifnet.IfFlags);
        await td.Store(ifp, Ifnet.IfFlags, flags & ~(ulong)IfFlags.Up);

        var qflush = await td.Load(ifp, Ifnet.IfQflush);
        switch (await td.Callee(qflush))
        {
            case "epair_qflush":
                await IfEpair.epair_qflush(td, ifp);
                break;
            case "if_qflush":
                await if_qflush(td, ifp);
                break;
            default:
                using (td.Enter("ifdead_qflush"))
                {
                }

                break;
        }
    }

    /// <summary>The generic <c>if_qflush</c>: the routine epair saved and calls on.</summary>
    public static Task if_qflush(KThread td, ulong ifp)
    {
        using var f = td.Enter("if_qflush");
        _ = ifp;
        return Task.CompletedTask;
    }

    /// <summary><c>if_dead</c>: point the interface's methods at the dead ones.</summary>
    public static async Task if_dead(KThread td, ulong ifp)
    {
        using var f = td.Enter("if_dead");
        await td.Store(ifp, Ifnet.IfQflush, KFunctions.Address("ifdead_qflush"));
    }

    /// <summary><c>if_delgroups</c>: leave every group, one epoch wait each.</summary>
    public static async Task if_delgroups(KThread td, ulong ifp)
    {
        using var f = td.Enter("if_delgroups");
        foreach (var (bit, _) in Groups.Names)
        {
            var groups = await td.Load(ifp, Ifnet.IfGroups);
            if ((groups & (ulong)bit) == 0)
            {
                continue;
            }

            await td.Store(ifp, Ifnet.IfGroups, groups & ~(ulong)bit);
            await Sync.Epoch.epoch_wait_preempt(td);
        }
    }

    /// <summary><c>if_clone_findifc</c>: is the interface on the current vnet's cloner list?</summary>
    public static async Task<bool> if_clone_findifc(KThread td, ulong ifp)
    {
        using var f = td.Enter("if_clone_findifc");
        var cloner = await td.Load(td.CurVnet, Layouts.Vnet.Cloner);
        return cloner != 0 && await (await td.Cloner(cloner)).Contains(ifp);
    }

    /// <summary>
    /// <c>if_free</c>: mark dying, free the index slot in the vnet the ifnet names, drop the reference.
    /// </summary>
    public static async Task if_free(KThread td, ulong ifp)
    {
        using var f = td.Enter("if_free");
        var flags = await td.Load(ifp, Ifnet.IfFlags);
        await td.Store(ifp, Ifnet.IfFlags, flags | (ulong)IfFlags.Dying);

        var vnet = await td.Load(ifp, Ifnet.IfVnet);
        var index = await td.Load(ifp, Ifnet.IfIndex);
        var v = await td.Vnet(vnet);
        td.Locked(IfnetWlock, acquire: true);
        await v.IndexFree((int)index, ifp, td.Provenance("free", vnet, "ifindex"));
        td.Locked(IfnetWlock, acquire: false);

        await if_rele(td, ifp);
    }

    /// <summary><c>if_ref</c>.</summary>
    public static Task<long> if_ref(KThread td, ulong ifp) => td.FetchAdd(ifp, Ifnet.IfRefcount, 1);

    /// <summary>
    /// <c>if_rele</c>: the last reference frees the ifnet. FreeBSD frees one epoch later through
    /// <c>epoch_call</c>; no thread of the model is inside a network epoch section, so that is now.
    /// </summary>
    public static async Task if_rele(KThread td, ulong ifp)
    {
        if (await td.FetchAdd(ifp, Ifnet.IfRefcount, -1) == 0)
        {
            using var f = td.Enter("if_destroy");
            await td.Free(ifp, "ifnet");
        }
    }

    /// <summary><c>ifunit_ref</c>: look an interface up by name in the current vnet and reference it.</summary>
    public static async Task<ulong> ifunit_ref(KThread td, string name)
    {
        using var f = td.Enter("ifunit_ref");
        var ifp = await (await td.Vnet(td.CurVnet)).FindByName(name);
        if (ifp != 0)
        {
            await if_ref(td, ifp);
        }

        return ifp;
    }

    /// <summary>
    /// <c>if_link_state_change</c>: record the state and queue the link task on <c>taskqueue_swi</c>.
    /// </summary>
    public static async Task if_link_state_change(KThread td, ulong ifp, long state)
    {
        using var f = td.Enter("if_link_state_change");
        await td.Store(ifp, Ifnet.IfLinkState, (ulong)state);
        await SubrTaskqueue.taskqueue_enqueue(td, SubrTaskqueue.Swi, "if_linktask", ifp);
    }

    /// <summary><c>do_link_state_change</c>: the link task, run by <c>taskqueue_swi</c>.</summary>
    public static async Task do_link_state_change(KThread td, ulong ifp)
    {
        using var f = td.Enter("do_link_state_change");
        var state = await td.Load(ifp, Ifnet.IfLinkState);
        var name = await td.LoadName(ifp);
        await td.Printf($"{name}: link state changed to {(state == IfFlags.LinkStateUp ? "UP" : "DOWN")}");
    }

    /// <summary><c>if_rename</c> (SIOCSIFNAME).</summary>
    public static async Task<int> if_rename(KThread td, ulong ifp, string name)
    {
        using var f = td.Enter("ifhwioctl");
        if (name.Length == 0 || name.Length > 15)
        {
            return Errno.EINVAL;
        }

        var vnet = await td.Vnet(td.CurVnet);
        td.Locked(IfnetWlock, acquire: true);
        var ok = await vnet.Rename(ifp, name);
        td.Locked(IfnetWlock, acquire: false);
        if (!ok)
        {
            return Errno.EEXIST;
        }

        await td.K.Object(ifp).SetName(name);
        return 0;
    }

    /// <summary><c>vnet_if_return</c>: send every loaned interface of a dying vnet home.</summary>
    public static async Task vnet_if_return(KThread td, ulong vnet)
    {
        using var f = td.Enter("vnet_if_return");
        var features = td.K.Features;
        if (features.SxCoversUnlink)
        {
            await td.XLock(DetachSx);
        }

        var v = await td.Vnet(vnet);
        if (features.CollectForeignFirst)
        {
            if (await td.Step("a2") is not 0)
            {
                return;
            }

            td.Locked(IfnetWlock, acquire: true);
            var pending = await v.UnlinkForeign();
            td.Locked(IfnetWlock, acquire: false);
            foreach (var e in pending)
            {
                var eachSx = features.DetachSxLock && !features.SxCoversUnlink;
                if (eachSx)
                {
                    await td.XLock(DetachSx);
                }

                await if_vmove(td, e.Ifp, e.Home, unlinked: true);
                if (eachSx)
                {
                    await td.XUnlock(DetachSx);
                }
            }
        }
        else
        {
            // 12.1 walks the list with no lock and holding no reference.
            foreach (var e in await v.Ifnets())
            {
                var home = await td.Load(e.Ifp, Ifnet.IfHomeVnet);
                var now = await td.Load(e.Ifp, Ifnet.IfVnet);
                if (home != now)
                {
                    await if_vmove(td, e.Ifp, home, unlinked: false);
                }
            }
        }

        if (features.SxCoversUnlink)
        {
            await td.XUnlock(DetachSx);
        }
    }
}
