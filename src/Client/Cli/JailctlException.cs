namespace JailCluster.Client.Cli;

/// <summary>A failure jailctl reports as one line on standard error, with the exit status it carries.</summary>
public sealed class JailctlException(string message, int exitCode = ExitCodes.Failure) : Exception(message)
{
    /// <summary>The process exit status.</summary>
    public int ExitCode { get; } = exitCode;
}
