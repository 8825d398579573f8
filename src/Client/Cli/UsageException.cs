namespace JailCluster.Client.Cli;

/// <summary>The command line is wrong: jailctl prints the message and exits with EX_USAGE (64).</summary>
public sealed class UsageException(string message) : Exception(message)
{
}
