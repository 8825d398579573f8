using Microsoft.Extensions.Options;

namespace JailCluster.Tracing.Dashboard;

/// <summary>Checks <see cref="AspireDashboardOptions"/>, naming the bad setting and its value.</summary>
public sealed class AspireDashboardOptionsValidator : IValidateOptions<AspireDashboardOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, AspireDashboardOptions options)
    {
        var failures = new List<string>();
        CheckPort(failures, nameof(AspireDashboardOptions.FrontendPort), options.FrontendPort);
        CheckPort(failures, nameof(AspireDashboardOptions.OtlpGrpcPort), options.OtlpGrpcPort);
        CheckPort(failures, nameof(AspireDashboardOptions.OtlpHttpPort), options.OtlpHttpPort);
        var fixedPorts = new[] { options.FrontendPort, options.OtlpGrpcPort, options.OtlpHttpPort }
            .Where(p => p != 0)
            .ToList();
        if (fixedPorts.Distinct().Count() != fixedPorts.Count)
        {
            failures.Add($"{nameof(AspireDashboardOptions.FrontendPort)}={options.FrontendPort}, "
                + $"{nameof(AspireDashboardOptions.OtlpGrpcPort)}={options.OtlpGrpcPort} and "
                + $"{nameof(AspireDashboardOptions.OtlpHttpPort)}={options.OtlpHttpPort} must differ.");
        }

        if (options.MaxTraceCount < 1)
        {
            failures.Add($"{nameof(AspireDashboardOptions.MaxTraceCount)}={options.MaxTraceCount} must be at least 1.");
        }

        if (options.StartTimeout <= TimeSpan.Zero)
        {
            failures.Add($"{nameof(AspireDashboardOptions.StartTimeout)}={options.StartTimeout} must be positive.");
        }

        if (options.ExecutablePath is { } path && !File.Exists(path))
        {
            failures.Add($"{nameof(AspireDashboardOptions.ExecutablePath)}='{path}' does not exist.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>Throws <see cref="OptionsValidationException"/> when the options are not valid.</summary>
    public static void ThrowIfInvalid(AspireDashboardOptions options)
    {
        var result = new AspireDashboardOptionsValidator().Validate(null, options);
        if (result.Failed)
        {
            throw new OptionsValidationException(
                nameof(AspireDashboardOptions), typeof(AspireDashboardOptions), result.Failures);
        }
    }

    private static void CheckPort(List<string> failures, string setting, int port)
    {
        if (port is < 0 or > 65535)
        {
            failures.Add($"{setting}={port} must be a TCP port (1-65535) or 0 for a free one.");
        }
    }
}
