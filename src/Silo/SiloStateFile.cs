namespace JailCluster.Silo;

using System.Text.Json;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

/// <summary>
/// Writes the silo's state file once the silo has started, so that <c>jailctl cluster up</c> knows it answers and
/// which pid to stop, and removes it when the silo stops. Registered after Orleans so it starts after the silo.
/// </summary>
public sealed partial class SiloStateFile(SiloHostOptions options, TimeProvider time, ILogger<SiloStateFile> logger)
    : IHostedService
{
    private static readonly JsonSerializerOptions JsonOptions =
        new(JsonSerializerDefaults.Web) { WriteIndented = true };

    private string? path;

    /// <inheritdoc />
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(options.StateDirectory))
        {
            LogSiloStarted(logger, options.EffectiveName, options.SiloPort, options.GatewayPort, Environment.ProcessId);
            return;
        }

        var directory = Path.Combine(options.StateDirectory, "silos");
        Directory.CreateDirectory(directory);
        path = Path.Combine(directory, $"{options.SiloPort}.json");

        var record = new SiloStateRecord
        {
            Pid = Environment.ProcessId,
            Name = options.EffectiveName,
            Address = options.Address,
            SiloPort = options.SiloPort,
            GatewayPort = options.GatewayPort,
            Primary = options.IsPrimary,
            ClusterId = options.ClusterId,
            StartedAt = time.GetUtcNow(),
        };

        // Write then rename, so a reader never sees half a file.
        var temporary = path + ".tmp";
        await File.WriteAllTextAsync(temporary, JsonSerializer.Serialize(record, JsonOptions), cancellationToken);
        File.Move(temporary, path, overwrite: true);
        LogSiloStarted(logger, options.EffectiveName, options.SiloPort, options.GatewayPort, Environment.ProcessId);
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken)
    {
        LogSiloStopping(logger, options.EffectiveName);
        if (path is not null && File.Exists(path))
        {
            File.Delete(path);
        }

        return Task.CompletedTask;
    }

    [LoggerMessage(
        1, LogLevel.Information, "Silo {Name} started: silo port {SiloPort}, gateway port {GatewayPort}, pid {Pid}")]
    private static partial void LogSiloStarted(ILogger logger, string name, int siloPort, int gatewayPort, int pid);

    [LoggerMessage(2, LogLevel.Information, "Silo {Name} stopping")]
    private static partial void LogSiloStopping(ILogger logger, string name);
}
