namespace JailCluster.Kernel.Hosting;

using JailCluster.Kernel.Hosts;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

/// <summary>
/// Watches membership and tells every host when a silo is declared dead, so that a host whose kernel memory
/// was there stops and says why instead of reading memory that is gone. Every silo runs one; hosts ignore
/// the repeats.
/// </summary>
public sealed partial class SiloLossWatcher(
    IClusterMembershipService membership, IGrainFactory grains, ILogger<SiloLossWatcher> logger) : BackgroundService
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
            var hosts = await grains.GetGrain<IHostDirectoryGrain>(IHostDirectoryGrain.ClusterKey).Hosts();
            LogSiloDead(silo, hosts.Count);
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
