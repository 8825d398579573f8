namespace JailCluster.Tests.Kernel;

using JailCluster.Hosts;
using JailCluster.Kernel.Memory;
using JailCluster.Tests.Infrastructure;

/// <summary>Cases 1, 3, 4 and 8 of the reference's table, each forced on 12.1.</summary>
[Collection(KernelCollection.Name)]
public sealed class OrderingCaseTests(KernelClusterFixture fixture)
{
    private IClusterClient Client => fixture.Client;

    [Fact]
    public async Task DestroyBeforeTheUnlinkIsBenign()
    {
        var host = await SimHost.Boot(Client, KernelVersion.Release121);
        var destroy = await host.DestroyWhileTheRemovalPausesAt("a2");
        Assert.Equal(0, (await destroy).ExitCode);
        await host.Ok("sysctl debug.fail_point.a2=off");
        await host.Settle();

        Assert.Null(await host.Grain.WaitForPanic(TimeSpan.Zero));
        Assert.Empty(await host.Grain.Check());
        Assert.Equal("\n", await host.Ok("ifconfig -l"));
        Assert.Equal("   JID  IP Address      Hostname                      Path\n", await host.Ok("jls -d"));
    }

    [Fact]
    public async Task SoftcFreedBetweenItsReadAndItsUseIsAUseAfterFreeUnderInvariants()
    {
        var host = await SimHost.Boot(Client, KernelVersion.Release121, invariants: true);
        // One pause only: B's own destroy of the a side passes the same code site in epair_qflush.
        var destroy = await host.DestroyWhileTheRemovalPausesAt("epair_qflush_sc", "1*pause");
        Assert.Equal(0, (await destroy).ExitCode);
        await host.Ok("sysctl debug.fail_point.epair_qflush_sc=off");

        var panic = await host.WaitForPanic();
        Assert.NotNull(panic);
        Assert.Equal(9, panic.TrapNumber);
        Assert.Equal("general protection fault", panic.Message);
        Assert.Equal("epair_qflush", panic.Frames[0]);
        Assert.Contains(KAddr.Format(KAddr.Trash), panic.Text);
        Assert.Equal("free", panic.Culprit?.Action);
        Assert.Equal("B8", panic.Culprit?.Step);
        Assert.StartsWith("epair_softc epair0b@", panic.Culprit?.Object, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DestroyAfterTheFlushRelinksAFreedIfnetIntoVnet0()
    {
        var host = await SimHost.Boot(Client, KernelVersion.Release121);
        var destroy = await host.DestroyWhileTheRemovalPausesAt("a8");
        Assert.Equal(0, (await destroy).ExitCode);
        await host.Ok("sysctl debug.fail_point.a8=off");
        await host.Settle();

        Assert.Null(await host.Grain.WaitForPanic(TimeSpan.Zero));
        var findings = await host.Grain.Check();
        var relinked = Assert.Single(findings, f => f.Kind == "freed-ifnet-linked");
        Assert.Contains(relinked.Objects, o => o.StartsWith("ifnet epair0b@", StringComparison.Ordinal));
        Assert.Contains(relinked.Objects, o => o.StartsWith("vnet vnet0@", StringComparison.Ordinal));
        Assert.Equal("epair0b\n", await host.Ok("ifconfig -l"));
    }

    [Fact]
    public async Task DestroyingTheJailedHalfFromTheHostSaysItDoesNotExist()
    {
        var host = await SimHost.Boot(Client, KernelVersion.Release121);
        var a = await host.VnetJailWithEpair("alcatraz", withProcess: false);
        var b = a[..^1] + "b";
        var r = await host.Run($"ifconfig {b} destroy");
        Assert.Equal(1, r.ExitCode);
        Assert.Equal($"ifconfig: interface {b} does not exist\n", r.Stderr);
        Assert.Equal($"{b}\n", await host.Ok($"jexec alcatraz ifconfig -l"));
        Assert.Empty(await host.Grain.Check());
    }
}
