namespace JailCluster.Tests.Kernel;

using JailCluster.Hosts;
using JailCluster.Tests.Infrastructure;

/// <summary>A jail's epair cloner, attached on first use instead of with its vnet.</summary>
[Collection(KernelCollection.Name)]
public sealed class ClonerTests(KernelClusterFixture fixture)
{
    [Fact]
    public async Task TwoFirstCreatesInAJailShareOneClonerAndDieWithTheVnet()
    {
        var host = await SimHost.Boot(fixture.Client, KernelVersion.D56374);
        await host.Ok("jail -c name=alcatraz persist vnet");

        // Both creates may find no cloner and make one; one cloner must win, or both would be unit 0.
        var created = await Task.WhenAll(
            host.Ok("jexec alcatraz ifconfig epair create"),
            host.Ok("jexec alcatraz ifconfig epair create"));

        Assert.Equal(["epair0a\n", "epair1a\n"], created.Order(StringComparer.Ordinal));
        var inJail = (await host.Ok("jexec alcatraz ifconfig -l")).Split(' ', StringSplitOptions.TrimEntries);
        Assert.Equal(["epair0a", "epair0b", "epair1a", "epair1b"], inJail.Order(StringComparer.Ordinal));
        Assert.Empty(await host.Grain.Check());

        await host.Ok("jail -r alcatraz");
        await host.Settle();
        Assert.Equal("\n", await host.Ok("ifconfig -l"));
        Assert.Equal("epair0a\n", await host.Ok("ifconfig epair create"));
        Assert.Empty(await host.Grain.Check());
    }
}
