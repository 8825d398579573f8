namespace JailCluster.Kernel.Memory;

/// <summary>What a store found: the old word, and whether the memory had already been freed.</summary>
[GenerateSerializer, Immutable, Alias("jc.KStore")]
public readonly record struct KStore([property: Id(0)] ulong Old, [property: Id(1)] bool Freed);
