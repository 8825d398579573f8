namespace JailCluster.Tests.Kernel;

using JailCluster.Hosts;
using JailCluster.Tests.Infrastructure;

/// <summary>What each later fix leaves of the race: the same forced orderings on r368237, epair-2021, D56374.</summary>
[Collection(KernelCollection.Name)]
public sealed class FixedKernelTests(KernelClusterFixture fixture)
{
    private IClusterClient Client => fixture.Client;

    [Fact]
    public async Task SxLockMakesDestroyWaitForTheMoveOnR368237()
    {
        var host = await SimHost.Boot(Client, KernelVersion.R368237);
        var destroy = await host.DestroyWhileTheRemovalPausesAt("a3");

        var waiters = await host.DetachSx.WaitForWaiters(TimeSpan.FromSeconds(30));
        Assert.Equal("ifconfig", Assert.Single(waiters).Thread);
        var view = await host.DetachSx.View();
        Assert.Equal("thread taskq", view.Owner?.Thread);
        Assert.Contains("ifnet_detach_sxlock", await host.Ok("procstat -kk"));
        Assert.False(destroy.IsCompleted);

        await host.Ok("sysctl debug.fail_point.a3=off");
        Assert.Equal(0, (await destroy).ExitCode);
        await host.Settle();
        Assert.Null(await host.Grain.WaitForPanic(TimeSpan.Zero));
        Assert.Empty(await host.Grain.Check());
        Assert.Equal("\n", await host.Ok("ifconfig -l"));
    }

    // The versions are cumulative: epair-2021 and D56374 keep r368237's sx around the move, so the destroy waits
    // for the move to end and finds the interface home, whole.
    [Theory]
    [InlineData(KernelVersion.Epair2021)]
    [InlineData(KernelVersion.D56374)]
    public async Task The2019OrderingWaitsForTheMoveOnLaterFixes(string kernel)
    {
        var host = await SimHost.Boot(Client, kernel);
        var destroy = await host.DestroyWhileTheRemovalPausesAt("a3");
        Assert.Equal("ifconfig", Assert.Single(await host.DetachSx.WaitForWaiters(TimeSpan.FromSeconds(30))).Thread);

        await host.Ok("sysctl debug.fail_point.a3=off");
        Assert.Equal(0, (await destroy).ExitCode);
        await host.Settle();
        Assert.Null(await host.Grain.WaitForPanic(TimeSpan.Zero));
        Assert.Empty(await host.Grain.Check());
    }

    [Fact]
    public async Task ResidualWindowStillPanicsR368237()
    {
        var host = await SimHost.Boot(Client, KernelVersion.R368237);
        await ForceResidualOrdering(host);

        var panic = await host.WaitForPanic();
        Assert.NotNull(panic);
        Assert.Equal(0x40UL, panic.FaultAddress);
        Assert.Equal("thread taskq", panic.Thread);
        Assert.Equal("epair_qflush", panic.Frames[0]);
        Assert.Equal("B5", panic.Culprit?.Step);
    }

    [Fact]
    public async Task ResidualWindowRelinksAFreedIfnetOnEpair2021()
    {
        var host = await SimHost.Boot(Client, KernelVersion.Epair2021);
        await ForceResidualOrdering(host);
        await host.Settle();

        Assert.Null(await host.Grain.WaitForPanic(TimeSpan.Zero));
        var findings = await host.Grain.Check();
        var relinked = Assert.Single(findings, f => f.Kind == "freed-ifnet-linked");
        Assert.Contains(relinked.Objects, o => o.StartsWith("ifnet epair0b@", StringComparison.Ordinal));
        Assert.Contains(relinked.Objects, o => o.StartsWith("vnet vnet0@", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ResidualWindowCannotBeForcedOnD56374()
    {
        var host = await SimHost.Boot(Client, KernelVersion.D56374);
        await ForceResidualOrdering(host);
        await host.Settle();

        Assert.Null(await host.Grain.WaitForPanic(TimeSpan.Zero));
        Assert.Empty(await host.Grain.Check());
        Assert.Equal("\n", await host.Ok("ifconfig -l"));
    }

    /// <summary>
    /// Reference section 5's residual window: A has unlinked the interface but not yet taken the sx when
    /// B runs whole. A is held just before <c>sx_xlock</c>; only the first thread there pauses.
    /// </summary>
    private static async Task ForceResidualOrdering(SimHost host)
    {
        var a = await host.VnetJailWithEpair("alcatraz", withProcess: true);
        await host.Ok("sysctl debug.fail_point.ifnet_detach_sxlock=1*pause");
        await host.Ok("jail -r alcatraz");
        Assert.Contains("thread taskq", await host.Ok("fpwait ifnet_detach_sxlock"));
        Assert.Equal(0, (await host.Run($"ifconfig {a} destroy")).ExitCode);
        await host.Ok("sysctl debug.fail_point.ifnet_detach_sxlock=off");
    }
}
