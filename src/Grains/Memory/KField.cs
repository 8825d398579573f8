namespace JailCluster.Kernel.Memory;

/// <summary>
/// One 8-byte field of a kernel structure at its amd64 offset. <see cref="Watched"/> fields are the ones
/// the race is about; their loads and stores become span events.
/// </summary>
public sealed record KField(KType Struct, string Name, int Offset, bool Watched = false, bool Pointer = false)
{
    /// <inheritdoc />
    public override string ToString() => Name;
}
