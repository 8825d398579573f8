namespace JailCluster.Silo;

using Microsoft.Extensions.Options;

/// <summary>Checks <see cref="SiloHostOptions"/> before the silo starts, naming the setting that is wrong.</summary>
public sealed class SiloHostOptionsValidator : IValidateOptions<SiloHostOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, SiloHostOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();

        CheckPort(failures, "Silo:SiloPort", options.SiloPort, allowZero: false);
        CheckPort(failures, "Silo:GatewayPort", options.GatewayPort, allowZero: false);
        CheckPort(failures, "Silo:PrimarySiloPort", options.PrimarySiloPort, allowZero: true);
        if (options.SiloPort == options.GatewayPort)
        {
            failures.Add($"Silo:GatewayPort must differ from Silo:SiloPort (both are {options.SiloPort})");
        }

        if (string.IsNullOrWhiteSpace(options.ClusterId))
        {
            failures.Add("Silo:ClusterId must not be empty");
        }

        if (string.IsNullOrWhiteSpace(options.ServiceId))
        {
            failures.Add("Silo:ServiceId must not be empty");
        }

        if (!System.Net.IPAddress.TryParse(options.Address, out var address))
        {
            failures.Add($"Silo:Address must be an IP address, not '{options.Address}'");
        }
        else if (!System.Net.IPAddress.IsLoopback(address))
        {
            // Nothing leaves the machine unless the operator says so, and then only where Orleans can follow.
            if (!options.AllowExternalAddress)
            {
                failures.Add($"Silo:Address {options.Address} is not a loopback address; " +
                    "set Silo:AllowExternalAddress=true to listen where other machines can connect");
            }
            else if (options.RedisConnectionString is null)
            {
                failures.Add($"Silo:Address {options.Address} needs Clustering:Redis " +
                    "(localhost clustering listens on 127.0.0.1 only)");
            }
        }

        if (options.WatchPid < 0)
        {
            failures.Add($"Silo:WatchPid must be a process id or 0, not {options.WatchPid}");
        }

        if (options.DirectoryCacheSize is < 0 or 1 or 2)
        {
            failures.Add("Silo:DirectoryCacheSize must be 0 (no cache) or at least 3 entries, " +
                $"not {options.DirectoryCacheSize}");
        }

        if (options.RedisConnectionString is { } redis && string.IsNullOrWhiteSpace(redis))
        {
            failures.Add("Clustering:Redis is set but empty");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void CheckPort(List<string> failures, string setting, int port, bool allowZero)
    {
        if ((port == 0 && !allowZero) || port < 0 || port > 65535)
        {
            failures.Add($"{setting} must be a TCP port between 1 and 65535, not {port}");
        }
    }
}
