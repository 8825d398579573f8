namespace JailCluster.Commands;

/// <summary>What a command printed and its exit status, as a shell would see them.</summary>
[GenerateSerializer, Immutable, Alias("jc.CommandResult")]
public sealed record CommandResult
{
    /// <summary>Exit status: 0 for success, FreeBSD's for failures (1 for most, 64 for usage errors).</summary>
    [Id(0)] public int ExitCode { get; init; }

    /// <summary>Standard output, lines ending in newline.</summary>
    [Id(1)] public string Stdout { get; init; } = "";

    /// <summary>Standard error, lines ending in newline.</summary>
    [Id(2)] public string Stderr { get; init; } = "";

    /// <summary>Machine-readable output when asked for and the command has data, else null.</summary>
    [Id(3)] public string? Json { get; init; }

    /// <summary>The process id the command ran as, 0 when it never started.</summary>
    [Id(4)] public int Pid { get; init; }

    /// <summary>The errno that made the command fail, by name (ENXIO, EEXIST, ...), when one did.</summary>
    [Id(5)] public string? Errno { get; init; }

    /// <summary>The W3C trace id of the command's trace, when it was traced.</summary>
    [Id(6)] public string? TraceId { get; init; }

    /// <summary>A successful result with this output.</summary>
    public static CommandResult Ok(string stdout = "") => new() { Stdout = stdout };

    /// <summary>A failed result with this message on standard error.</summary>
    public static CommandResult Fail(string stderr, int exitCode = 1, string? errno = null) =>
        new() { ExitCode = exitCode, Stderr = stderr, Errno = errno };
}
