namespace JailCluster.Kernel.Net;

using System.Globalization;
using JailCluster.Kernel.Kern;
using JailCluster.Kernel.Memory;
using static JailCluster.Kernel.Memory.Layouts;

/// <summary>sys/net/if_clone.c: create and destroy cloned interfaces.</summary>
public static class IfClone
{
    /// <summary>The epair driver's name.</summary>
    public const string Epair = "epair";

    /// <summary>
    /// <c>if_clone_create</c> (SIOCIFCREATE2): returns the errno and the name of the first interface.
    /// </summary>
    public static async Task<(int Error, string? Name)> if_clone_create(KThread td, string name)
    {
        using var f = td.Enter("if_clone_create");
        if (!TryMatch(name, out var unit))
        {
            return (Errno.EINVAL, null);
        }

        var cloner = await vnet_epair_cloner(td, td.CurVnet);
        return await IfEpair.epair_clone_create(td, cloner, unit);
    }

    /// <summary>
    /// <c>V_epair_cloner</c> of a vnet, attached on first use. FreeBSD attaches every vnet's cloner in the
    /// driver's VNET_SYSINIT; until an interface is created in the vnet nothing but the vnet's own
    /// destructor reads it, and in a mass teardown almost no jail ever creates one, so the model saves the
    /// object (one grain per jail) until it is needed. Two threads creating the first interface of a vnet at
    /// once both allocate; <c>atomic_cmpset</c> keeps one, and the other frees its own.
    /// </summary>
    public static async Task<ulong> vnet_epair_cloner(KThread td, ulong vnet)
    {
        var cloner = await td.Load(vnet, Vnet.Cloner);
        if (cloner != 0)
        {
            return cloner;
        }

        var made = await td.Alloc(KType.IfClone, Epair);
        var held = await td.CompareExchange(vnet, Vnet.Cloner, 0, made);
        if (held == 0)
        {
            return made;
        }

        await td.Free(made, "if_clone");
        return held;
    }

    /// <summary><c>if_clone_destroy</c> (SIOCIFDESTROY): step B0, then the driver's destroy.</summary>
    public static async Task<int> if_clone_destroy(KThread td, string name)
    {
        using var f = td.Enter("if_clone_destroy");
        if (await td.Step("b0") is var e0 and not 0)
        {
            return e0;
        }

        var ifp = await IfNet.ifunit_ref(td, name);
        if (ifp == 0)
        {
            return Errno.ENXIO;
        }

        // The cloner that made it lives in its home vnet, wherever the interface is now.
        var vnet = await td.Load(ifp, Ifnet.IfHomeVnet);
        var cloner = await td.Load(vnet, Vnet.Cloner);
        var error = cloner == 0 ? Errno.EINVAL : await if_clone_destroyif(td, cloner, ifp);
        await IfNet.if_rele(td, ifp);
        return error;
    }

    /// <summary><c>if_clone_destroyif</c>: take the interface off the cloner's list, then destroy it.</summary>
    public static async Task<int> if_clone_destroyif(KThread td, ulong cloner, ulong ifp)
    {
        using var f = td.Enter("if_clone_destroyif");
        var ifc = await td.Cloner(cloner);
        if (!await ifc.Remove(ifp))
        {
            return Errno.ENXIO;
        }

        var groups = await td.Load(ifp, Ifnet.IfGroups);
        await td.Store(ifp, Ifnet.IfGroups, groups & ~(ulong)Groups.Epair);
        var error = await IfEpair.epair_clone_destroy(td, cloner, ifp);
        if (error != 0)
        {
            await ifc.Add(ifp);
        }

        return error;
    }

    /// <summary>
    /// <c>epair_clone_match</c> + <c>ifc_name2unit</c>: <c>epair</c> (any unit) or <c>epairN</c>; anything else
    /// matches no cloner. Units past <c>IF_MAXUNIT</c> parse and fail later with ENOSPC.
    /// </summary>
    public static bool TryMatch(string name, out int unit)
    {
        unit = -1;
        if (!name.StartsWith(Epair, StringComparison.Ordinal))
        {
            return false;
        }

        var digits = name[Epair.Length..];
        if (digits.Length == 0)
        {
            return true;
        }

        if (digits.Length > 1 && digits[0] == '0')
        {
            return false;
        }

        if (!digits.All(char.IsAsciiDigit))
        {
            return false;
        }

        unit = digits.Length > 9 ? int.MaxValue : int.Parse(digits, CultureInfo.InvariantCulture);
        return true;
    }
}
