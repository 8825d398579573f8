namespace JailCluster.Tests.Kernel;

using JailCluster.Hosts;
using JailCluster.Kernel.Fail;
using JailCluster.Kernel.Memory;
using JailCluster.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

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

    [Fact]
    public async Task EachSiloKeepsTheFailPointStateOfOnlyTheNewestBootItHasSeen()
    {
        // Every boot runs threads on both silos, and so subscribes both silos' mirrors to its fail points.
        var host = await SimHost.Boot(fixture.Client, KernelVersion.R368237);
        for (var boot = 0; boot < 4; boot++)
        {
            var epair = await host.VnetJailWithEpair("j", withProcess: true);
            await host.Ok("jail -r j");
            await host.Settle();
            await host.Ok($"ifconfig {epair} destroy");
            await host.Grain.Reboot();
        }

        await host.VnetJailWithEpair("last", withProcess: true);
        var mirrors = fixture.Cluster.Silos.Select(s => s.ServiceProvider.GetRequiredService<FailPointMirror>());
        var seen = mirrors.Select(mirror => (mirror, Generations: GenerationsOf(mirror, host.Name))).ToList();
        Assert.All(seen, s =>
            Assert.True(s.Generations.Count <= 1, $"boots kept: {string.Join(", ", s.Generations)}"));

        // A thread of the first boot, late on a silo that has let the boot go, still learns that it is over.
        var (later, _) = seen.First(s => s.Generations.Count == 1);
        var state = await later.Get(host.KernelKey, host.Kernel);
        Assert.Equal("the host was rebooted", state.HaltedBecause);
        KernelKey.BootOf(host.KernelKey, out var first);
        Assert.DoesNotContain(first, GenerationsOf(later, host.Name));
    }

    private static List<int> GenerationsOf(FailPointMirror mirror, string host) =>
        [.. mirror.Boots.Select(key => (Host: KernelKey.BootOf(key, out var generation).ToString(), generation))
            .Where(boot => boot.Host == host)
            .Select(boot => boot.generation)];

    private static async Task<List<string>> ActiveOf(IManagementGrain management, string prefix) =>
        [.. (await management.GetDetailedGrainStatistics())
            .Select(s => s.GrainId.Key.ToString()!)
            .Where(key => key.StartsWith(prefix + "|", StringComparison.Ordinal))];
}
