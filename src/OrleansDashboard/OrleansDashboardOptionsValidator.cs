using System.Net;
using Microsoft.Extensions.Options;

namespace JailCluster.OrleansDashboard;

/// <summary>Checks <see cref="OrleansDashboardOptions"/>, naming the bad setting and its value.</summary>
public sealed class OrleansDashboardOptionsValidator : IValidateOptions<OrleansDashboardOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, OrleansDashboardOptions options)
    {
        var failures = new List<string>();
        var prefix = OrleansDashboardOptions.SectionName + ":";
        if (!IPAddress.TryParse(options.Address, out var address) || !IPAddress.IsLoopback(address))
        {
            failures.Add($"{prefix}{nameof(OrleansDashboardOptions.Address)}='{options.Address}' must be a loopback "
                + "address (127.0.0.1 or ::1): the dashboard has no authentication.");
        }

        if (options.Port is < 1 or > 65535)
        {
            failures.Add(
                $"{prefix}{nameof(OrleansDashboardOptions.Port)}={options.Port} must be a TCP port (1-65535).");
        }

        if (options.RoutePrefix is { } route && !route.StartsWith('/'))
        {
            failures.Add($"{prefix}{nameof(OrleansDashboardOptions.RoutePrefix)}='{route}' must start with '/'.");
        }

        if (options.CounterUpdateInterval < TimeSpan.FromMilliseconds(100)
            || options.CounterUpdateInterval.TotalMilliseconds > int.MaxValue)
        {
            failures.Add($"{prefix}{nameof(OrleansDashboardOptions.CounterUpdateInterval)}="
                + $"{options.CounterUpdateInterval} must be at least 100 ms.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>Throws <see cref="OptionsValidationException"/> when the options are not valid.</summary>
    public static void ThrowIfInvalid(OrleansDashboardOptions options)
    {
        var result = new OrleansDashboardOptionsValidator().Validate(null, options);
        if (result.Failed)
        {
            throw new OptionsValidationException(
                nameof(OrleansDashboardOptions), typeof(OrleansDashboardOptions), result.Failures);
        }
    }
}
