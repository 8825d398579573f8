namespace JailCluster.Kernel.Net;

using JailCluster.Panics;

/// <summary>Corruption a vnet's tables took silently, as FreeBSD would: found later by the checker.</summary>
[GenerateSerializer, Immutable, Alias("jc.VnetDamage")]
public sealed record VnetDamage([property: Id(0)] string Kind, [property: Id(1)] int Slot, [property: Id(2)] ulong Ifp,
    [property: Id(3)] ulong Holder, [property: Id(4)] Provenance? Who);
