namespace JailCluster.Kernel.Net;

using JailCluster.Kernel.Memory;
using JailCluster.Panics;

/// <summary>
/// A network stack. Each list and index method is one critical section under <c>IFNET_WLOCK</c>: it
/// touches this vnet only, so the grain's turn gives the exclusion the lock gives in FreeBSD.
/// </summary>
[Alias("jc.IVnetGrain")]
public interface IVnetGrain : IKObjectGrain
{
    /// <summary>A snapshot of <c>V_ifnet</c>, as an unlocked walk would see it.</summary>
    [Alias("Ifnets")]
    Task<IReadOnlyList<VnetEntry>> Ifnets();

    /// <summary><c>ifunit</c>: the ifnet of that name in this vnet, or 0.</summary>
    [Alias("FindByName")]
    Task<ulong> FindByName(string name);

    /// <summary>Inserts at the tail of <c>V_ifnet</c>.</summary>
    [Alias("Link")]
    Task Link(VnetEntry entry);

    /// <summary>Finds and unlinks; false when the ifnet is not on this list.</summary>
    [Alias("Unlink")]
    Task<bool> Unlink(ulong ifp);

    /// <summary>r368020's collection: unlinks and returns every ifnet whose home is another vnet.</summary>
    [Alias("UnlinkForeign")]
    Task<IReadOnlyList<VnetEntry>> UnlinkForeign();

    /// <summary>Renames an entry; false when the new name is taken in this vnet.</summary>
    [Alias("Rename")]
    Task<bool> Rename(ulong ifp, string name);

    /// <summary><c>ifindex_alloc</c> + <c>ifnet_setbyindex</c>: the lowest free slot, now holding ifp.</summary>
    [Alias("IndexAlloc")]
    Task<int> IndexAlloc(ulong ifp);

    /// <summary><c>ifindex_free</c>: empties the slot; damage is recorded, not refused.</summary>
    [Alias("IndexFree")]
    Task IndexFree(int slot, ulong ifp, Provenance who);

    /// <summary>Everything, for the checker and for <c>ifconfig</c>'s listings.</summary>
    [Alias("VnetView")]
    Task<VnetView> VnetView();
}
