namespace JailCluster.Kernel.Kern;

/// <summary>A process to start: its command line and how to print.</summary>
[GenerateSerializer, Immutable, Alias("jc.ProcStart")]
public sealed record ProcStart
{
    /// <summary>argv.</summary>
    [Id(0)] public IReadOnlyList<string> Argv { get; init; } = [];

    /// <summary>Machine-readable output wanted.</summary>
    [Id(1)] public bool Json { get; init; }

    /// <summary>The boot the process runs in, when the caller has it; otherwise the process asks the kernel.</summary>
    [Id(2)] public KernelBoot? Boot { get; init; }

    /// <summary>The caller's span, the process's parent (<see cref="Commands.ExecOptions.TraceParent"/>).</summary>
    [Id(3)] public string? TraceParent { get; init; }
}
