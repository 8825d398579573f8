namespace JailCluster.Tests.Placement;

using System.Net;
using JailCluster.Kernel.Placement;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Runtime.Placement;

/// <summary>Where the host directory and the panic log go.</summary>
public sealed class OldestSiloPlacementTests
{
    private static readonly SiloAddress[] Silos = FixedPlacementContext.StartedTogether;

    [Fact]
    public async Task DevelopmentClusteringPutsItOnThePrimaryWhateverTheTie()
    {
        var director = Director(new IPEndPoint(IPAddress.Loopback, 30002));

        Assert.Equal(Silos[0], await director.OnAddActivation(Strategy, Target, new FixedPlacementContext(Silos)));
    }

    [Fact]
    public async Task OtherwiseTheOldestGenerationWinsAndATieGoesToTheSmallestAddress()
    {
        var director = Director(primary: null);
        SiloAddress[] silos = [.. Silos, SiloAddress.New(new IPEndPoint(IPAddress.Loopback, 40004), 6)];

        Assert.Equal(silos[3], await director.OnAddActivation(Strategy, Target, new FixedPlacementContext(silos)));
        Assert.Equal(Silos[1], await director.OnAddActivation(Strategy, Target, new FixedPlacementContext(Silos)));
    }

    [Fact]
    public async Task APrimaryThatIsGoneLeavesTheOldest()
    {
        var director = Director(new IPEndPoint(IPAddress.Loopback, 50005));

        Assert.Equal(Silos[1], await director.OnAddActivation(Strategy, Target, new FixedPlacementContext(Silos)));
    }

    private static PlacementStrategy Strategy { get; } = new OldestSiloPlacementStrategy();

    private static PlacementTarget Target { get; } =
        new(GrainId.Create("hostdirectory", "hosts"), new Dictionary<string, object>(), default, 0);

    private static OldestSiloPlacementDirector Director(IPEndPoint? primary) =>
        new(Options.Create(primary is null
            ? new DevelopmentClusterMembershipOptions()
            : new DevelopmentClusterMembershipOptions { PrimarySiloEndpoint = primary }));
}
