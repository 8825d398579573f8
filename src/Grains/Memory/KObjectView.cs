namespace JailCluster.Kernel.Memory;

using JailCluster.Panics;

/// <summary>A debugger's view of one object, for the invariant checker.</summary>
[GenerateSerializer, Immutable, Alias("jc.KObjectView")]
public sealed record KObjectView
{
    /// <summary>The object's address.</summary>
    [Id(0)] public ulong Address { get; init; }

    /// <summary>Its name.</summary>
    [Id(1)] public string Name { get; init; } = "";

    /// <summary>False when nothing was ever allocated there (or the memory was reclaimed).</summary>
    [Id(2)] public bool Allocated { get; init; }

    /// <summary>True once freed.</summary>
    [Id(3)] public bool Freed { get; init; }

    /// <summary>Field values as last stored (stale data after a free).</summary>
    [Id(4)] public IReadOnlyDictionary<string, ulong> Words { get; init; } = new Dictionary<string, ulong>();

    /// <summary>Who freed it.</summary>
    [Id(5)] public Provenance? FreedBy { get; init; }

    /// <summary>Stores into it after it was freed.</summary>
    [Id(6)] public IReadOnlyList<Provenance> WritesAfterFree { get; init; } = [];

    /// <summary>Frees of it after it was freed.</summary>
    [Id(7)] public IReadOnlyList<Provenance> DoubleFrees { get; init; } = [];
}
