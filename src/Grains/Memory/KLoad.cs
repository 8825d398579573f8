namespace JailCluster.Kernel.Memory;

using JailCluster.Panics;

/// <summary>
/// What a load returned: the word, whether the memory was already freed, and, when the word is NULL or
/// the memory freed, who made it so.
/// </summary>
[GenerateSerializer, Immutable, Alias("jc.KLoad")]
public readonly record struct KLoad([property: Id(0)] ulong Value, [property: Id(1)] bool Freed,
    [property: Id(2)] Provenance? Origin);
