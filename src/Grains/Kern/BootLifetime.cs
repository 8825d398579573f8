namespace JailCluster.Kernel.Kern;

using JailCluster.Kernel.Fail;
using JailCluster.Kernel.Memory;

/// <summary>
/// How long a grain that its boot keeps alive (a taskqueue, a lock, a sleeping process) stays: until the boot
/// halts, as this silo's fail point mirror sees it. Its state is kernel memory that no key can rebuild, so it may
/// not be collected while the boot runs; once the boot has halted (a reboot, a panic, a lost silo) it goes when
/// idle, as the boot's objects do, and reboot after reboot leaves nothing of the old boots behind.
/// </summary>
internal static class BootLifetime
{
    /// <summary>
    /// Keeps the grain whose key is <paramref name="key"/> from collection until its boot halts, through the
    /// grain's own <c>DelayDeactivation</c>. Call it as the grain activates.
    /// </summary>
    public static void KeepWhileBooted(
        string key, FailPointMirror mirror, IGrainFactory grains, Action<TimeSpan> delayDeactivation)
    {
        delayDeactivation(Timeout.InfiniteTimeSpan);
        _ = LetGo();

        async Task LetGo()
        {
            await Over(key, mirror, grains);
            delayDeactivation(TimeSpan.Zero);
        }
    }

    /// <summary>
    /// Completes when the boot of the grain whose key is <paramref name="key"/> halts. A grain that may go before
    /// its boot does passes <paramref name="gone"/>, so that the wait lets go of it.
    /// </summary>
    /// <exception cref="OperationCanceledException"><paramref name="gone"/> was cancelled first.</exception>
    public static async Task Over(
        string key, FailPointMirror mirror, IGrainFactory grains, CancellationToken gone = default)
    {
        var globals = KernelKey.GlobalsOf(KernelKey.PrefixOf(key));
        try
        {
            // Subscribes this silo to the boot's state, should no thread of the boot have run here yet.
            await mirror.Get(globals, grains.GetGrain<IKernelGrain>(globals));
        }
        catch (Exception e)
            when (e is TimeoutException or SiloUnavailableException or OrleansMessageRejectionException)
        {
            // The globals cannot answer; their silo's loss halts the boot here all the same (SiloLossWatcher).
        }

        await mirror.WhenHalted(globals).WaitAsync(gone);
    }
}
