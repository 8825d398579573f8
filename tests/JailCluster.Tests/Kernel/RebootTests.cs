namespace JailCluster.Tests.Kernel;

using JailCluster.Hosts;
using JailCluster.Tests.Infrastructure;

/// <summary>
/// A reboot loses the old boot's memory, and with it every grain of the old boot: its objects, and also its
/// globals, taskqueues and locks, which stay for as long as the boot runs. Users reboot the same hosts for every
/// mass teardown they fire, so what a boot leaves behind would add up run after run.
/// </summary>
[Collection(KernelCollection.Name)]
public sealed class RebootTests(KernelClusterFixture fixture)
{
    [Fact]
    public async Task NothingOfTheOldBootStaysActiveOnceItIsIdle()
    {
        // R368237 takes ifnet_detach_sxlock, and a jail with a process tears down on the taskqueue; the destroy
        // waits until the interface is home, so that nothing races. The second jail's process still sleeps when
        // the host reboots.
        var host = await SimHost.Boot(fixture.Client, KernelVersion.R368237);
        var epair = await host.VnetJailWithEpair("oldboot", withProcess: true);
        await host.Ok("jail -r oldboot");
        await host.Settle();
        await host.Ok($"ifconfig {epair} destroy");
        await host.VnetJailWithEpair("sleeper", withProcess: true);
        var management = fixture.Client.GetGrain<IManagementGrain>(0);
        Assert.NotEmpty(await ActiveOf(management, host.KeyPrefix));

        await host.Grain.Reboot();

        // Each grain lets go as its silo's mirror hears of the halt, which Reboot does not wait for: collect until
        // nothing is left, or give up.
        var watch = System.Diagnostics.Stopwatch.StartNew();
        List<string> left;
        do
        {
            await management.ForceActivationCollection(TimeSpan.Zero);
            left = await ActiveOf(management, host.KeyPrefix);
        }
        while (left.Count > 0 && watch.Elapsed < TimeSpan.FromSeconds(30));

        Assert.Empty(left);
        Assert.Equal("epair0a", (await host.Ok("ifconfig epair create")).Trim());
    }

    private static async Task<List<string>> ActiveOf(IManagementGrain management, string prefix) =>
        [.. (await management.GetDetailedGrainStatistics())
            .Select(s => s.GrainId.Key.ToString()!)
            .Where(key => key.StartsWith(prefix + "|", StringComparison.Ordinal))];
}
