using Microsoft.Extensions.Options;

namespace JailCluster.Tracing.Export;

/// <summary>Checks <see cref="TraceFileOptions"/>, naming the bad setting and its value.</summary>
public sealed class TraceFileOptionsValidator : IValidateOptions<TraceFileOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, TraceFileOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Directory))
        {
            failures.Add($"{nameof(TraceFileOptions.Directory)} must name a directory, not '{options.Directory}'.");
        }

        if (!Enum.IsDefined(options.Sampling))
        {
            failures.Add($"{nameof(TraceFileOptions.Sampling)}={options.Sampling} is not a sampling mode.");
        }

        if (double.IsNaN(options.CleanShare) || options.CleanShare < 0 || options.CleanShare > 1)
        {
            failures.Add($"{nameof(TraceFileOptions.CleanShare)}={options.CleanShare} must be between 0 and 1.");
        }

        if (options.GracePeriod < TimeSpan.Zero)
        {
            failures.Add($"{nameof(TraceFileOptions.GracePeriod)}={options.GracePeriod} must not be negative.");
        }

        if (options.ExportInterval <= TimeSpan.Zero || options.ExportInterval.TotalMilliseconds > int.MaxValue)
        {
            failures.Add($"{nameof(TraceFileOptions.ExportInterval)}={options.ExportInterval} must be positive.");
        }

        if (options.MaxHeldSpans < 1)
        {
            failures.Add($"{nameof(TraceFileOptions.MaxHeldSpans)}={options.MaxHeldSpans} must be at least 1.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>Throws <see cref="OptionsValidationException"/> when the options are not valid.</summary>
    public static void ThrowIfInvalid(TraceFileOptions options)
    {
        var result = new TraceFileOptionsValidator().Validate(null, options);
        if (result.Failed)
        {
            throw new OptionsValidationException(nameof(TraceFileOptions), typeof(TraceFileOptions), result.Failures);
        }
    }
}
