namespace JailCluster.EndToEnd.Tests;

/// <summary>
/// State directories for the tests, under <c>$JAILCLUSTER_TEST_ROOT</c> (set by .ci/run, which reaps any silo left
/// there) or a temporary directory of this test run.
/// </summary>
public static class TestHomes
{
    private static int next;

    /// <summary>The root of every state directory of this run.</summary>
    public static string Root { get; } = Environment.GetEnvironmentVariable("JAILCLUSTER_TEST_ROOT") is { Length: > 0 } root
        ? root
        : System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"jailcluster-e2e-{Environment.ProcessId}");

    /// <summary>A new, empty state directory.</summary>
    public static string Create(string purpose)
    {
        var path = System.IO.Path.Combine(Root, $"{purpose}-{Interlocked.Increment(ref next)}");
        Directory.CreateDirectory(path);
        return path;
    }
}
