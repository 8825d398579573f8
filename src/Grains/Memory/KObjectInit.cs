namespace JailCluster.Kernel.Memory;

/// <summary>The initial contents of a newly allocated object.</summary>
[GenerateSerializer, Immutable, Alias("jc.KObjectInit")]
public sealed record KObjectInit
{
    /// <summary>A name for people reading reports (<c>epair0b</c>, <c>alcatraz</c>).</summary>
    [Id(0)] public string Name { get; init; } = "";

    /// <summary>Whether the host runs with INVARIANTS: freed memory then reads as the trash pattern.</summary>
    [Id(1)] public bool Invariants { get; init; }

    /// <summary>Initial field values; fields not given read as zero (<c>M_ZERO</c>).</summary>
    [Id(2)] public IReadOnlyDictionary<string, ulong> Words { get; init; } = new Dictionary<string, ulong>();
}
