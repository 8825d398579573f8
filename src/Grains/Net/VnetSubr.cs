namespace JailCluster.Kernel.Net;

using JailCluster.Kernel.Kern;
using JailCluster.Kernel.Memory;

/// <summary>sys/net/vnet.c: a network stack's birth and death.</summary>
public static class VnetSubr
{
    /// <summary>
    /// <c>vnet_alloc</c>: a new stack. Its epair cloner is attached when first used
    /// (<see cref="IfClone.vnet_epair_cloner"/>), not here.
    /// </summary>
    public static async Task<ulong> vnet_alloc(KThread td, string name)
    {
        using var f = td.Enter("vnet_alloc");
        return await td.Alloc(KType.Vnet, name, new Dictionary<string, ulong>
        {
            [Layouts.Vnet.VnetState.Name] = Layouts.Vnet.StateRunning,
        });
    }

    /// <summary>
    /// <c>vnet_destroy</c>: the destructors in reverse order. <c>vnet_if_return</c> runs first; the
    /// epairs created inside the vnet are destroyed later by the driver's own destructor.
    /// </summary>
    public static async Task vnet_destroy(KThread td, ulong vnet)
    {
        using var f = td.Enter("vnet_destroy");
        await td.Store(vnet, Layouts.Vnet.VnetState, Layouts.Vnet.StateShutdown);
        var saved = td.CurVnet;
        td.CurVnet = vnet;
        await IfNet.vnet_if_return(td, vnet);
        using (td.Enter("vnet_sysuninit"))
        {
            await td.Sleep(td.K.Boot.Options.Tunables.VnetSysuninitMicros, "vnet_sysuninit");
        }

        await IfEpair.vnet_epair_uninit(td, vnet);
        td.CurVnet = saved;

        var cloner = await td.Load(vnet, Layouts.Vnet.Cloner);
        if (cloner != 0)
        {
            await td.Free(cloner, "if_clone");
        }

        await td.Free(vnet, "vnet");
    }
}
