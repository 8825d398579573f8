namespace JailCluster.Client.Teardown;

/// <summary>One failed command of a teardown, kept as a sample.</summary>
public sealed record FailedCommand(string Host, string Command, int ExitCode, string? Errno, string Stderr);
