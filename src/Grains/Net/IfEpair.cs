namespace JailCluster.Kernel.Net;

using System.Globalization;
using JailCluster.Kernel.Kern;
using JailCluster.Kernel.Memory;
using static JailCluster.Kernel.Memory.Layouts;

/// <summary>sys/net/if_epair.c: the pair's creation, its destruction (steps B1..B9), and its queue flush.</summary>
public static class IfEpair
{
    /// <summary><c>epair_clone_create</c>: two halves with one softc each, attached to the current vnet.</summary>
    public static async Task<(int Error, string? Name)> epair_clone_create(KThread td, ulong cloner, int wanted)
    {
        using var f = td.Enter("epair_clone_create");
        var ifc = await td.Cloner(cloner);
        var unit = await ifc.AllocUnit(wanted);
        if (unit < 0)
        {
            return (-unit, null);
        }

        var nameA = string.Create(CultureInfo.InvariantCulture, $"{IfClone.Epair}{unit}a");
        var nameB = string.Create(CultureInfo.InvariantCulture, $"{IfClone.Epair}{unit}b");
        var vnet = await td.Vnet(td.CurVnet);
        if (await vnet.FindByName(nameA) != 0 || await vnet.FindByName(nameB) != 0)
        {
            await ifc.FreeUnit(unit);
            return (Errno.EEXIST, null);
        }

        var sca = await td.Alloc(KType.EpairSoftc, nameA);
        var scb = await td.Alloc(KType.EpairSoftc, nameB);
        var a = await td.Alloc(KType.Ifnet, nameA, Ifnet(sca, unit, td.CurVnet));
        var b = await td.Alloc(KType.Ifnet, nameB, Ifnet(scb, unit, td.CurVnet));
        await td.Store(sca, EpairSoftc.Ifp, a);
        await td.Store(sca, EpairSoftc.Oifp, b);
        await td.Store(sca, EpairSoftc.IfQflush, KFunctions.Address("if_qflush"));
        await td.Store(scb, EpairSoftc.Ifp, b);
        await td.Store(scb, EpairSoftc.Oifp, a);
        await td.Store(scb, EpairSoftc.IfQflush, KFunctions.Address("if_qflush"));

        foreach (var ifp in new[] { a, b })
        {
            await ether_ifattach(td, ifp);
            await ifc.Add(ifp);
            var flags = await td.Load(ifp, Layouts.Ifnet.IfFlags);
            await td.Store(ifp, Layouts.Ifnet.IfFlags, flags | (ulong)IfFlags.Up);
            await td.Store(ifp, Layouts.Ifnet.IfDrvFlags, (ulong)IfFlags.DrvRunning);
            await td.Store(ifp, Layouts.Ifnet.IfLinkState, (ulong)IfFlags.LinkStateUp);
        }

        return (0, nameA);
    }

    /// <summary>
    /// <c>epair_clone_destroy</c>: the named half is <paramref name="ifp"/>, its peer is <c>oifp</c>. Steps
    /// B1..B9 of the reference. Called again by itself through B6 for the peer, it finds the peer's softc
    /// already NULL and returns.
    /// </summary>
    public static async Task<int> epair_clone_destroy(KThread td, ulong cloner, ulong ifp)
    {
        using var f = td.Enter("epair_clone_destroy");
        var features = td.K.Features;
        var sca = await td.Load(ifp, Layouts.Ifnet.IfSoftc);
        if (sca == 0)
        {
            return 0;
        }

        var oifp = await td.Load(sca, EpairSoftc.Oifp);
        var scb = await td.Load(oifp, Layouts.Ifnet.IfSoftc);
        var unit = await td.Load(ifp, Layouts.Ifnet.IfDunit);

        if (await td.Step("b1") is var e1 and not 0)
        {
            return e1;
        }

        await IfNet.if_link_state_change(td, ifp, IfFlags.LinkStateDown);
        await IfNet.if_link_state_change(td, oifp, IfFlags.LinkStateDown);
        await td.Store(ifp, Layouts.Ifnet.IfDrvFlags, 0);
        await td.Store(oifp, Layouts.Ifnet.IfDrvFlags, 0);

        if (await td.Step("b2") is var e2 and not 0)
        {
            return e2;
        }

        var saved = td.CurVnet;
        td.CurVnet = await td.Load(oifp, Layouts.Ifnet.IfVnet);

        if (await td.Step("b3") is var e3 and not 0)
        {
            td.CurVnet = saved;
            return e3;
        }

        await bpfdetach(td, oifp);

        if (await td.Step("b4") is var e4 and not 0)
        {
            td.CurVnet = saved;
            return e4;
        }

        await IfNet.if_detach(td, oifp);
        if (features.DestroyDetachesBothFirst)
        {
            // The 2021 rework takes both halves off their lists before either softc is cleared.
            td.CurVnet = saved;
            await ether_ifdetach(td, ifp);
            td.CurVnet = await td.Load(oifp, Layouts.Ifnet.IfVnet);
        }

        if (await td.Step("b5") is var e5 and not 0)
        {
            td.CurVnet = saved;
            return e5;
        }

        await td.Store(oifp, Layouts.Ifnet.IfSoftc, 0);

        if (await td.Step("b6") is var e6 and not 0)
        {
            td.CurVnet = saved;
            return e6;
        }

        var error = await IfClone.if_clone_destroyif(td, cloner, oifp);
        if (error != 0)
        {
            throw await td.Panic(string.Create(CultureInfo.InvariantCulture,
                $"epair_clone_destroy: if_clone_destroyif() for our 2nd iface failed: {error}"));
        }

        if (await td.Step("b7") is var e7 and not 0)
        {
            td.CurVnet = saved;
            return e7;
        }

        await IfNet.if_free(td, oifp);

        if (await td.Step("b8") is var e8 and not 0)
        {
            td.CurVnet = saved;
            return e8;
        }

        using (td.Enter("ifmedia_removeall"))
        {
        }

        await td.Free(scb, "epair_softc");
        td.CurVnet = saved;

        if (await td.Step("b9") is var e9 and not 0)
        {
            return e9;
        }

        if (!features.DestroyDetachesBothFirst)
        {
            await ether_ifdetach(td, ifp);
        }

        await td.Store(ifp, Layouts.Ifnet.IfSoftc, 0);
        await IfNet.if_free(td, ifp);
        await td.Free(sca, "epair_softc");
        await (await td.Cloner(cloner)).FreeUnit((int)unit);
        return 0;
    }

    /// <summary>
    /// <c>epair_qflush</c>. In 12.1 it reads the softc through <c>ifp-&gt;if_softc</c> and calls the saved
    /// <c>if_qflush</c> at offset 0x40; with INVARIANTS it first asserts the softc is there. From the 2021
    /// rework on it does not touch the softc.
    /// </summary>
    public static async Task epair_qflush(KThread td, ulong ifp)
    {
        using var f = td.Enter("epair_qflush");
        if (td.K.Features.EpairQflushWithoutSoftc)
        {
            return;
        }

        var sc = await td.Load(ifp, Layouts.Ifnet.IfSoftc);
        await td.Kassert(sc != 0, $"epair_qflush: ifp={KAddr.Format(ifp)}, epair_softc gone? sc={KAddr.Format(sc)}");
        await td.FailPoint(Fail.FailPointNames.EpairQflushSc);
        var saved = await td.Load(sc, EpairSoftc.IfQflush);
        if (saved != 0 && await td.Callee(saved) == "if_qflush")
        {
            await IfNet.if_qflush(td, ifp);
        }
    }

    /// <summary>VNET_SYSUNINIT of the driver: destroy every epair this vnet's cloner created.</summary>
    public static async Task vnet_epair_uninit(KThread td, ulong vnet)
    {
        using var f = td.Enter("vnet_epair_uninit");
        var cloner = await td.Load(vnet, Vnet.Cloner);
        if (cloner == 0)
        {
            return;
        }

        var ifc = await td.Cloner(cloner);
        while (await ifc.Members() is [var ifp, ..])
        {
            if (await IfClone.if_clone_destroyif(td, cloner, ifp) != 0)
            {
                await ifc.Remove(ifp);
            }
        }
    }

    /// <summary><c>ether_ifattach</c>.</summary>
    public static Task ether_ifattach(KThread td, ulong ifp)
    {
        using var f = td.Enter("ether_ifattach");
        return IfNet.if_attach(td, ifp);
    }

    /// <summary><c>ether_ifdetach</c>: bpf, then the interface.</summary>
    public static async Task ether_ifdetach(KThread td, ulong ifp)
    {
        using var f = td.Enter("ether_ifdetach");
        await bpfdetach(td, ifp);
        await IfNet.if_detach(td, ifp);
    }

    /// <summary><c>bpfdetach</c>.</summary>
    public static async Task bpfdetach(KThread td, ulong ifp)
    {
        using var f = td.Enter("bpfdetach");
        await td.Store(ifp, Layouts.Ifnet.IfBpf, 0);
    }

    private static Dictionary<string, ulong> Ifnet(ulong softc, int unit, ulong vnet) => new()
    {
        [Layouts.Ifnet.IfSoftc.Name] = softc,
        [Layouts.Ifnet.IfDunit.Name] = (ulong)unit,
        [Layouts.Ifnet.IfVnet.Name] = vnet,
        [Layouts.Ifnet.IfHomeVnet.Name] = vnet,
        [Layouts.Ifnet.IfRefcount.Name] = 1,
        [Layouts.Ifnet.IfFlags.Name] = (ulong)(IfFlags.Broadcast | IfFlags.Simplex | IfFlags.Multicast),
        [Layouts.Ifnet.IfQflush.Name] = KFunctions.Address("epair_qflush"),
        [Layouts.Ifnet.IfBpf.Name] = KFunctions.Address("bpf_if") & ~0xfffUL,
    };
}
