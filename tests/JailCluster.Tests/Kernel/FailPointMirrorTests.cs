namespace JailCluster.Tests.Kernel;

using System.Collections.Frozen;
using JailCluster.Hosts;
using JailCluster.Kernel.Fail;
using JailCluster.Kernel.Memory;

/// <summary>
/// A silo's fail point mirror holds one boot of each host it has run: a later boot of a host replaces the earlier one
/// by name, whatever its placement, and wakes the threads that still sleep on it; other hosts' boots stay.
/// </summary>
public sealed class FailPointMirrorTests
{
    private static readonly FailPointMirrorState Running = new(1, FrozenSet<string>.Empty, null);

    [Fact]
    public async Task ALaterBootOfAHostReplacesTheEarlierOneAndLeavesOtherHostsAlone()
    {
        // Nothing here reaches a kernel grain: Update and Halt are what the kernel grain and the silo-loss
        // watcher call.
        var mirror = new FailPointMirror(grains: null!);
        var first = new KernelKey("alcatraz", 1, KernelPlacement.Spread).Globals;
        var other = new KernelKey("singsing", 1, KernelPlacement.Spread).Globals;
        var second = new KernelKey("alcatraz", 2, KernelPlacement.HostLocal).Globals;
        await mirror.Update(first, Running);
        await mirror.Update(other, Running);
        var sleeper = mirror.WhenHalted(first);
        Assert.False(sleeper.IsCompleted);

        mirror.Halt(second, "kernel memory was lost with a silo");

        await sleeper.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal([second, other], mirror.Boots.Order(StringComparer.Ordinal));
        Assert.False(mirror.WhenHalted(other).IsCompleted);
    }
}
