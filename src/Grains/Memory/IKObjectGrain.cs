namespace JailCluster.Kernel.Memory;

using JailCluster.Panics;

/// <summary>
/// Kernel memory: one object. Every method is one atomic memory step and never awaits another grain,
/// so holding this grain's turn never makes a thread wait for another thread.
/// </summary>
[Alias("jc.IKObjectGrain")]
public interface IKObjectGrain : IGrainWithStringKey
{
    /// <summary>Allocates the object with its initial contents.</summary>
    [Alias("Init")]
    Task Init(KObjectInit init);

    /// <summary>Loads one field.</summary>
    [Alias("Load")]
    Task<KLoad> Load(string field);

    /// <summary>
    /// Stores one field and returns the old value. <paramref name="who"/> is kept for a store of NULL.
    /// </summary>
    [Alias("Store")]
    Task<ulong> Store(string field, ulong value, Provenance? who);

    /// <summary>An atomic add (<c>atomic_fetchadd</c>, <c>refcount_release</c>); returns the new value.</summary>
    [Alias("FetchAdd")]
    Task<long> FetchAdd(string field, long delta);

    /// <summary>Frees the object; returns false when it was already free (a double free).</summary>
    [Alias("Free")]
    Task<bool> Free(Provenance who);

    /// <summary>The object's name (<c>if_xname</c> for an ifnet).</summary>
    [Alias("GetName")]
    Task<string> GetName();

    /// <summary>Renames the object.</summary>
    [Alias("SetName")]
    Task SetName(string name);

    /// <summary>Everything about the object, for the checker.</summary>
    [Alias("View")]
    Task<KObjectView> View();

    /// <summary>Lets the memory go: the host rebooted.</summary>
    [Alias("Discard")]
    Task Discard();
}
