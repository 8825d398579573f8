namespace JailCluster.Tests.Placement;

using JailCluster.Hosts;
using JailCluster.Kernel.Memory;

/// <summary>
/// What the placement director and the fail point mirror read out of a grain key: which part decides the silo,
/// and which boot of which host the key belongs to.
/// </summary>
public sealed class KernelKeyTests
{
    [Fact]
    public void ASpreadHostsObjectsHashWholeAndALocalHostsByItsHostPart()
    {
        var spread = new KernelKey("h1", 3, KernelPlacement.Spread);
        var local = new KernelKey("h1", 3, KernelPlacement.HostLocal);

        Assert.Equal(spread.Object(0x1234), KernelKey.PlacementPart(spread.Object(0x1234)).ToString());
        Assert.Equal("h1|3", KernelKey.PlacementPart(local.Object(0x1234)).ToString());
        Assert.Equal("h1|3", KernelKey.PlacementPart(local.Named("sx", "ifnet_detach_sxlock")).ToString());
        Assert.Equal("h1|3", KernelKey.PlacementPart(local.Globals).ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("h1")]
    [InlineData("h1|3")]
    [InlineData("h1|3|l")]
    [InlineData("pingtarget-7")]
    public void AKeyWithoutAPlacementLetterHashesWhole(string key) =>
        Assert.Equal(key, KernelKey.PlacementPart(key).ToString());

    [Fact]
    public void AKeyNamesItsHostAndBoot()
    {
        var key = new KernelKey("alcatraz", 12, KernelPlacement.Spread);

        Assert.Equal("alcatraz", KernelKey.BootOf(key.Globals, out var generation).ToString());
        Assert.Equal(12, generation);
        Assert.Equal("alcatraz", KernelKey.BootOf(key.Object(0xfe), out generation).ToString());
        Assert.Equal(12, generation);
    }
}
