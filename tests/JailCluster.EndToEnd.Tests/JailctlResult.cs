namespace JailCluster.EndToEnd.Tests;

using System.Text.Json;

/// <summary>What one jailctl process did: exit status and everything it printed.</summary>
public sealed record JailctlResult(int ExitCode, string Stdout, string Stderr, string CommandLine)
{
    /// <summary>Standard output parsed as JSON.</summary>
    public JsonElement Json()
    {
        using var document = JsonDocument.Parse(Stdout);
        return document.RootElement.Clone();
    }

    /// <summary>Everything, for assertion messages.</summary>
    public override string ToString() =>
        $"$ jailctl {CommandLine}\nexit {ExitCode}\n--- stdout\n{Stdout}--- stderr\n{Stderr}";
}
