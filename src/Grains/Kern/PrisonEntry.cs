namespace JailCluster.Kernel.Kern;

/// <summary>An element of <c>allprison</c>.</summary>
[GenerateSerializer, Immutable, Alias("jc.PrisonEntry")]
public sealed record PrisonEntry([property: Id(0)] int Jid, [property: Id(1)] string Name,
    [property: Id(2)] ulong Address,
    [property: Id(3)] bool Dying);
