namespace JailCluster.Kernel.Hosting;

using JailCluster.Kernel.Fail;
using JailCluster.Kernel.Hosts;
using JailCluster.Kernel.Kern;
using JailCluster.Kernel.Memory;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

/// <summary>
/// Watches membership and tells every host when a silo is declared dead, so that a host whose kernel memory
/// was there stops and says why instead of reading memory that is gone. Every silo runs one; hosts ignore
/// the repeats.
/// </summary>
public sealed partial class SiloLossWatcher(
    IClusterMembershipService membership,
    IGrainFactory grains,
    FailPointMirror mirror,
    ILogger<SiloLossWatcher> logger) : BackgroundService
{
    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Silos already dead when this one joined died before any host it could tell about was affected
        // by it here; other silos that saw them die told the hosts.
        var told = membership.CurrentSnapshot.Members.Values
            .Where(m => m.Status == SiloStatus.Dead)
            .Select(m => m.SiloAddress)
            .ToHashSet();
        try
        {
            await foreach (var snapshot in membership.MembershipUpdates.WithCancellation(stoppingToken))
            {
                foreach (var member in snapshot.Members.Values.Where(m => m.Status == SiloStatus.Dead))
                {
                    if (told.Add(member.SiloAddress))
                    {
                        await Tell(member.SiloAddress.ToString());
                    }
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task Tell(string silo)
    {
        try
        {
            var directory = grains.GetGrain<IHostDirectoryGrain>(IHostDirectoryGrain.ClusterKey);
            var hosts = await directory.Hosts();
            LogSiloDead(silo, hosts.Count);

            // Halt every kernel first (each lost memory: KernelLoss), as an NMI would: a host's own grain may be
            // unable to take the news while one of its commands waits on a thread that waits on memory which is
            // gone. Orleans holds every message to an activation that is deactivating until its running requests
            // end, and it deactivates every activation whose directory entry the dead silo held, a host's own grain
            // as much as its kernel globals. So the threads on this silo are halted here, without a call that could
            // wait behind one of them; the kernel grain then tells the other silos, if it still can, and each of
            // their watchers halts their own.
            await Task.WhenAll(hosts.Select(async h =>
            {
                if (await directory.LastBoot(h) is not { } boot)
                {
                    return;
                }

                var key = new KernelKey(h, boot.Generation, boot.Options.Placement).Globals;
                mirror.Halt(key, KernelLoss.Because(silo));
                await grains.GetGrain<IKernelGrain>(key).Retire(KernelLoss.Because(silo));
            }));
            await Task.WhenAll(hosts.Select(h => grains.GetGrain<IHostCrashGrain>(h).SiloLost(silo)));
        }
        catch (Exception e) when (e is OrleansException or TimeoutException)
        {
            LogTellFailed(silo, e.Message);
        }
    }

    [LoggerMessage(1, LogLevel.Warning, "Silo {Silo} is dead; telling {Hosts} hosts")]
    private partial void LogSiloDead(string silo, int hosts);

    [LoggerMessage(2, LogLevel.Warning, "Could not tell hosts that silo {Silo} died: {Reason}")]
    private partial void LogTellFailed(string silo, string reason);
}
