namespace JailCluster.Kernel.Memory;

using JailCluster.Panics;

/// <summary>
/// Kernel memory: one object. Every method is one atomic memory step and never awaits another grain,
/// so holding this grain's turn never makes a thread wait for another thread. The steps a kernel function makes
/// by the hundred return <see cref="ValueTask{TResult}"/>, which Orleans completes without a task of its own.
/// </summary>
[Alias("jc.IKObjectGrain")]
public interface IKObjectGrain : IGrainWithStringKey
{
    /// <summary>Allocates the object with its initial contents.</summary>
    [Alias("Init")]
    Task Init(KObjectInit init);

    /// <summary>Loads one field.</summary>
    [Alias("Load")]
    ValueTask<KLoad> Load(string field);

    /// <summary>
    /// Stores one field; returns the old value and whether the object was already freed.
    /// <paramref name="who"/> is kept for a store of NULL, and as the writer when the object was freed;
    /// a thread sends it with stores of NULL only, the common case of any other store then carrying none.
    /// </summary>
    [Alias("Store")]
    ValueTask<KStore> Store(string field, ulong value, Provenance? who);

    /// <summary>
    /// Records who made a store that <see cref="Store"/> reported as a write after free, for a store that
    /// carried no <see cref="Provenance"/>.
    /// </summary>
    [Alias("WroteAfterFree")]
    Task WroteAfterFree(Provenance who);

    /// <summary>
    /// <c>atomic_cmpset</c>: stores <paramref name="value"/> if the field holds <paramref name="expected"/>;
    /// returns the value it held.
    /// </summary>
    [Alias("CompareExchange")]
    ValueTask<ulong> CompareExchange(string field, ulong expected, ulong value);

    /// <summary>An atomic add (<c>atomic_fetchadd</c>, <c>refcount_release</c>); returns the new value.</summary>
    [Alias("FetchAdd")]
    ValueTask<long> FetchAdd(string field, long delta);

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
