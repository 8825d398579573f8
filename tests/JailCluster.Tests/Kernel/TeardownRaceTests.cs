namespace JailCluster.Tests.Kernel;

using JailCluster.Hosts;
using JailCluster.Tests.Infrastructure;

/// <summary>
/// The forced orderings of the reference's table: fail points with <c>pause</c> hold one thread at a
/// labelled step while the other runs, so each case happens exactly, with no sleeps.
/// </summary>
[Collection(KernelCollection.Name)]
public sealed class TeardownRaceTests(KernelClusterFixture fixture)
{
    private static readonly string[] TaskqStack =
    [
        "epair_qflush", "if_down", "if_detach_internal", "if_vmove", "vnet_if_return", "vnet_destroy",
        "prison_deref", "taskqueue_run_locked", "taskqueue_thread_loop", "fork_exit", "fork_trampoline",
    ];

    private IClusterClient Client => fixture.Client;

    [Fact]
    public async Task DestroyDuringVnetReturnPanicsOnStockKernel()
    {
        var host = await SimHost.Boot(Client, KernelVersion.Release121);
        var a = await host.VnetJailWithEpair("alcatraz", withProcess: true);

        await host.Ok("sysctl debug.fail_point.a3=pause");
        Assert.Equal("alcatraz: removed\n", await host.Ok("jail -r alcatraz"));
        Assert.Contains("thread taskq (pid 0", await host.Ok("fpwait a3"));
        Assert.Equal(0, (await host.Run($"ifconfig {a} destroy")).ExitCode);
        await host.Ok("sysctl debug.fail_point.a3=off");

        var panic = await host.WaitForPanic();
        Assert.NotNull(panic);
        Assert.Equal(12, panic.TrapNumber);
        Assert.Equal(0x40UL, panic.FaultAddress);
        Assert.Equal("thread taskq", panic.Thread);
        Assert.Equal(0, panic.Pid);
        Assert.Equal(TaskqStack, panic.Frames);
        Assert.Contains("fault virtual address = 0x40\n", panic.Text);
        Assert.Contains("current process = 0 (thread taskq)\n", panic.Text);
        Assert.Contains("epair_qflush() at epair_qflush+0x", panic.Text);
        Assert.Equal("A7", panic.Step);

        var culprit = panic.Culprit;
        Assert.NotNull(culprit);
        Assert.Equal("store", culprit.Action);
        Assert.Equal("if_softc", culprit.Field);
        Assert.Equal("ifconfig", culprit.Thread);
        Assert.Equal("B5", culprit.Step);
        Assert.Equal("epair_clone_destroy", culprit.Stack[0]);
        Assert.Contains("ifioctl", culprit.Stack);
        Assert.Equal(HostState.Panicked, (await host.Grain.GetInfo()).State);
    }

    [Fact]
    public async Task CollectingFirstDoesNotCloseTheRaceOnR368020()
    {
        var host = await SimHost.Boot(Client, KernelVersion.R368020);
        var destroy = await host.DestroyWhileTheRemovalPausesAt("a3");
        Assert.Equal(0, (await destroy).ExitCode);
        await host.Ok("sysctl debug.fail_point.a3=off");

        var panic = await host.WaitForPanic();
        Assert.NotNull(panic);
        Assert.Equal(0x40UL, panic.FaultAddress);
        Assert.Equal(TaskqStack, panic.Frames);
    }

    [Fact]
    public async Task DestroyDuringSynchronousJailRemovePanicsInTheJailThread()
    {
        var host = await SimHost.Boot(Client, KernelVersion.Release121);
        var a = await host.VnetJailWithEpair("singsing", withProcess: false);

        await host.Ok("sysctl debug.fail_point.a3=pause");
        var remove = host.Run("jail -r singsing");
        Assert.Contains("jail (pid", await host.Ok("fpwait a3"));
        Assert.Equal(0, (await host.Run($"ifconfig {a} destroy")).ExitCode);
        await host.Ok("sysctl debug.fail_point.a3=off");

        var panic = await host.WaitForPanic();
        Assert.NotNull(panic);
        Assert.Equal(0x40UL, panic.FaultAddress);
        Assert.Equal("jail", panic.Thread);
        Assert.Equal(
            ["epair_qflush", "if_down", "if_detach_internal", "if_vmove", "vnet_if_return", "vnet_destroy",
             "prison_deref", "prison_remove_one", "sys_jail_remove", "amd64_syscall", "fast_syscall_common"],
            panic.Frames);
        Assert.NotEqual(0, (await remove).ExitCode);
    }
}
