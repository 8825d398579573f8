namespace JailCluster.Kernel.Sync;

using JailCluster.Kernel.Kern;

/// <summary>sys/kern/subr_epoch.c: the network epoch's grace period.</summary>
public static class Epoch
{
    /// <summary>
    /// <c>epoch_wait_preempt(net_epoch_preempt)</c>: sleeps until every CPU has left the epoch, modelled as
    /// a wait of the configured length.
    /// </summary>
    public static async Task epoch_wait_preempt(KThread td)
    {
        using var f = td.Enter("epoch_wait_preempt");
        await td.Sleep(td.K.Boot.Options.Tunables.EpochWaitMicros, "net_epoch_preempt");
    }
}
