namespace JailCluster.Silo;

using System.Diagnostics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

/// <summary>
/// Stops the silo when the process named by <see cref="SiloHostOptions.WatchPid"/> has gone, so that silos started
/// for a test run never outlive it even when the run is killed.
/// </summary>
public sealed partial class WatchedProcessMonitor(
    SiloHostOptions options,
    TimeProvider time,
    IHostApplicationLifetime lifetime,
    ILogger<WatchedProcessMonitor> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.WatchPid <= 0)
        {
            return;
        }

        using var timer = new PeriodicTimer(Interval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                if (!IsAlive(options.WatchPid))
                {
                    LogWatchedProcessGone(logger, options.WatchPid);
                    lifetime.StopApplication();
                    return;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The silo is stopping for another reason.
        }
    }

    private static bool IsAlive(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    [LoggerMessage(3, LogLevel.Warning, "Watched process {Pid} has exited; stopping the silo")]
    private static partial void LogWatchedProcessGone(ILogger logger, int pid);
}
