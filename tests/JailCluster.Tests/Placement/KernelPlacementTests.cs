namespace JailCluster.Tests.Placement;

using JailCluster.Hosts;
using JailCluster.Kernel.Memory;
using JailCluster.Kernel.Placement;
using Orleans.Runtime.Placement;

/// <summary>
/// Where a host's kernel memory goes: every silo must reach the same answer without asking anyone, a spread host's
/// objects scatter so that loads and stores are remote calls, and a host-local host keeps them on one silo.
/// </summary>
public sealed class KernelPlacementTests
{
    private static readonly SiloAddress[] Silos = FixedPlacementContext.StartedTogether;

    [Fact]
    public async Task AHostLocalHostKeepsItsObjectsOnOneSiloAndASpreadHostScattersThem()
    {
        var local = await PlaceAll(new KernelKey("h1", 2, KernelPlacement.HostLocal), Silos);
        var spread = await PlaceAll(new KernelKey("h1", 2, KernelPlacement.Spread), Silos);

        Assert.Single(local.Distinct());
        Assert.Equal(Silos.Length, spread.Distinct().Count());
    }

    [Fact]
    public async Task EverySiloPlacesAlikeWhateverOrderItListsTheSilosIn()
    {
        var key = new KernelKey("h1", 2, KernelPlacement.Spread);
        SiloAddress[] reversed = [.. Silos.Reverse()];

        Assert.Equal(await PlaceAll(key, Silos), await PlaceAll(key, reversed));
    }

    // Where a host's first 32 objects, its globals and its sx lock go, as one director decides.
    private static async Task<List<SiloAddress>> PlaceAll(KernelKey key, SiloAddress[] silos)
    {
        var director = new KernelPlacementDirector();
        var keys = Enumerable.Range(1, 32).Select(a => key.Object((ulong)a << 12))
            .Append(key.Globals).Append(key.Named("sx", "ifnet_detach_sxlock"));
        var placed = new List<SiloAddress>();
        foreach (var k in keys)
        {
            var target = new PlacementTarget(GrainId.Create("struct", k), new Dictionary<string, object>(), default, 0);
            var context = new FixedPlacementContext(silos);
            placed.Add(await director.OnAddActivation(new KernelPlacementStrategy(), target, context));
        }

        return placed;
    }
}
