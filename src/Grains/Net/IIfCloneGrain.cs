namespace JailCluster.Kernel.Net;

using JailCluster.Kernel.Memory;

/// <summary>
/// One vnet's <c>epair</c> cloner: its unit allocator and the list of interfaces it created. Each method
/// is one critical section under the cloner's lock.
/// </summary>
[Alias("jc.IIfCloneGrain")]
public interface IIfCloneGrain : IKObjectGrain
{
    /// <summary>
    /// <c>ifc_alloc_unit</c>: the wanted unit, or the lowest free one when <paramref name="wanted"/> is -1; a
    /// negative errno on failure.
    /// </summary>
    [Alias("AllocUnit")]
    Task<int> AllocUnit(int wanted);

    /// <summary><c>ifc_free_unit</c>; false when the unit was not allocated.</summary>
    [Alias("FreeUnit")]
    Task<bool> FreeUnit(int unit);

    /// <summary>Adds an interface to the cloner's list.</summary>
    [Alias("Add")]
    Task Add(ulong ifp);

    /// <summary>Removes an interface from the list; false when it was not there.</summary>
    [Alias("Remove")]
    Task<bool> Remove(ulong ifp);

    /// <summary>True when the interface is on the list (<c>if_clone_findifc</c>).</summary>
    [Alias("Contains")]
    Task<bool> Contains(ulong ifp);

    /// <summary>The list, in order.</summary>
    [Alias("Members")]
    Task<IReadOnlyList<ulong>> Members();

    /// <summary>Allocated units.</summary>
    [Alias("Units")]
    Task<IReadOnlyList<int>> Units();
}
