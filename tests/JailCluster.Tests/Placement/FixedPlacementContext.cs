namespace JailCluster.Tests.Placement;

using Orleans.Runtime.Placement;

/// <summary>A placement context of a fixed list of active silos, in the order given, the first of them local.</summary>
internal sealed class FixedPlacementContext(SiloAddress[] silos) : IPlacementContext
{
    public SiloAddress LocalSilo => silos[0];

    public SiloStatus LocalSiloStatus => SiloStatus.Active;

    public SiloAddress[] GetCompatibleSilos(PlacementTarget target) => silos;

    public IReadOnlyDictionary<ushort, SiloAddress[]> GetCompatibleSilosWithVersions(PlacementTarget target) =>
        new Dictionary<ushort, SiloAddress[]> { [0] = silos };
}
