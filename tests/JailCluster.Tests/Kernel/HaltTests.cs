namespace JailCluster.Tests.Kernel;

using JailCluster.Hosts;
using JailCluster.Kernel.Fail;
using JailCluster.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

/// <summary>
/// A halted kernel stops the threads that sleep, not only those that run: when a silo holding a kernel's memory
/// dies, a lock's owner may have died with it, and a waiter that slept on for ever would keep its command, and
/// the host grain that runs it, from ever finishing. A halted thread's command says why the host halted.
/// </summary>
[Collection(KernelCollection.Name)]
public sealed class HaltTests(KernelClusterFixture fixture)
{
    private IClusterClient Client => fixture.Client;

    [Fact]
    public async Task ARetiredKernelStopsAThreadAsleepOnTheSxLockThatAStoppedThreadHolds()
    {
        var (host, destroy) = await DestroyWaitingOnTheMove();

        // What a silo-loss watcher does first: thread taskq leaves a3 and stops, still owning the lock.
        await host.Kernel.Retire("kernel memory was lost with silo S1, which died");

        var result = await destroy.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal("EHALTED", result.Errno);
        Assert.Equal(70, result.ExitCode);
        Assert.Equal(
            $"ifconfig: host {host.Name} halted: kernel memory was lost with silo S1, which died\n", result.Stderr);
        Assert.Equal("thread taskq", (await host.DetachSx.View()).Owner?.Thread);
    }

    [Fact]
    public async Task AKernelHaltedOnEachSiloWithoutItsGlobalsStopsAThreadAsleepOnTheLock()
    {
        var (host, destroy) = await DestroyWaitingOnTheMove();

        // What each silo's watcher does when the kernel's globals may be gone too: halt its own threads only.
        foreach (var silo in fixture.Cluster.Silos)
        {
            silo.ServiceProvider.GetRequiredService<FailPointMirror>().Halt(host.KernelKey, "memory was lost");
        }

        var result = await destroy.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal("EHALTED", result.Errno);
        Assert.Equal(70, result.ExitCode);
        Assert.EndsWith("halted: memory was lost\n", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AThreadOfABootThatIsGoneSaysTheHostWasRebooted()
    {
        var (host, destroy) = await DestroyWaitingOnTheMove();

        await host.Grain.Reboot();

        var result = await destroy.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal("EHALTED", result.Errno);
        Assert.Equal($"ifconfig: host {host.Name} halted: the host was rebooted\n", result.Stderr);
    }

    // R368237: thread taskq holds ifnet_detach_sxlock across its if_vmove and sleeps at a3 inside it; the destroy
    // then sleeps on the lock.
    private async Task<(SimHost Host, Task<Commands.CommandResult> Destroy)> DestroyWaitingOnTheMove()
    {
        var host = await SimHost.Boot(Client, KernelVersion.R368237);
        var destroy = await host.DestroyWhileTheRemovalPausesAt("a3");
        Assert.Equal("ifconfig", Assert.Single(await host.DetachSx.WaitForWaiters(TimeSpan.FromSeconds(30))).Thread);
        Assert.Equal("thread taskq", (await host.DetachSx.View()).Owner?.Thread);
        return (host, destroy);
    }
}
