namespace JailCluster.Kernel.Versions;

using JailCluster.Hosts;

/// <summary>
/// Which behaviour each kernel version has, decided here and nowhere else. The versions are cumulative:
/// each carries every change of the ones before it.
/// </summary>
public sealed record KernelFeatures
{
    /// <summary>The version these features describe.</summary>
    public required string Version { get; init; }

    /// <summary>
    /// r368020: <c>vnet_if_return</c> unlinks every foreign ifnet under <c>IFNET_WLOCK</c> before moving any.
    /// </summary>
    public bool CollectForeignFirst { get; init; }

    /// <summary>
    /// r368237: <c>ifnet_detach_sxlock</c> around destroy, <c>if_detach</c>, each return move and
    /// <c>vnet</c>/<c>-vnet</c>.
    /// </summary>
    public bool DetachSxLock { get; init; }

    /// <summary>epair-2021: <c>epair_qflush</c> no longer reads the softc.</summary>
    public bool EpairQflushWithoutSoftc { get; init; }

    /// <summary>epair-2021: destroy detaches both halves before clearing <c>if_softc</c>.</summary>
    public bool DestroyDetachesBothFirst { get; init; }

    /// <summary>D56374: the sx covers the unlink too, held across the whole of <c>vnet_if_return</c>.</summary>
    public bool SxCoversUnlink { get; init; }

    /// <summary>D56374: a detach that cannot find its ifnet panics instead of going on.</summary>
    public bool DetachMissPanics { get; init; }

    /// <summary>The features of a version; throws for an unknown one (callers validate first).</summary>
    public static KernelFeatures For(string version)
    {
        var n = KernelVersion.Ordinal(version);
        if (n < 0)
        {
            throw new ArgumentException($"unknown kernel version '{version}'", nameof(version));
        }

        return new KernelFeatures
        {
            Version = version,
            CollectForeignFirst = n >= KernelVersion.Ordinal(KernelVersion.R368020),
            DetachSxLock = n >= KernelVersion.Ordinal(KernelVersion.R368237),
            EpairQflushWithoutSoftc = n >= KernelVersion.Ordinal(KernelVersion.Epair2021),
            DestroyDetachesBothFirst = n >= KernelVersion.Ordinal(KernelVersion.Epair2021),
            SxCoversUnlink = n >= KernelVersion.Ordinal(KernelVersion.D56374),
            DetachMissPanics = n >= KernelVersion.Ordinal(KernelVersion.D56374),
        };
    }
}
