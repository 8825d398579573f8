namespace JailCluster.Commands;

/// <summary>How to run a command line on a host.</summary>
[GenerateSerializer, Immutable, Alias("jc.ExecOptions")]
public sealed record ExecOptions
{
    /// <summary>
    /// Ask for machine-readable output in <see cref="CommandResult.Json"/> where the command has data.
    /// </summary>
    [Id(0)] public bool Json { get; init; }

    /// <summary>
    /// The W3C <c>traceparent</c> of the caller's span, so that the command's kernel spans join its trace
    /// (<see cref="Telemetry.TraceContext"/>). Without it the command's spans start a trace of their own.
    /// </summary>
    [Id(1)] public string? TraceParent { get; init; }

    /// <summary>The defaults: text output.</summary>
    public static ExecOptions Default { get; } = new();
}
