namespace JailCluster.Tests.Placement;

using System.Net;
using Orleans.Runtime.Placement;

/// <summary>A placement context of a fixed list of active silos, in the order given, the first of them local.</summary>
internal sealed class FixedPlacementContext(SiloAddress[] silos) : IPlacementContext
{
    /// <summary>
    /// Three silos started within one second: the same generation, and the first (the primary of a development
    /// cluster) not the smallest address.
    /// </summary>
    public static SiloAddress[] StartedTogether { get; } =
    [
        SiloAddress.New(new IPEndPoint(IPAddress.Loopback, 30002), 7),
        SiloAddress.New(new IPEndPoint(IPAddress.Loopback, 10001), 7),
        SiloAddress.New(new IPEndPoint(IPAddress.Loopback, 20003), 7),
    ];

    public SiloAddress LocalSilo => silos[0];

    public SiloStatus LocalSiloStatus => SiloStatus.Active;

    public SiloAddress[] GetCompatibleSilos(PlacementTarget target) => silos;

    public IReadOnlyDictionary<ushort, SiloAddress[]> GetCompatibleSilosWithVersions(PlacementTarget target) =>
        new Dictionary<ushort, SiloAddress[]> { [0] = silos };
}
