namespace JailCluster.EndToEnd.Tests;

/// <summary>
/// State directories for the tests, under <c>$JAILCLUSTER_TEST_ROOT</c> (set by .ci/run, which reaps any silo left
/// there) or a temporary directory of this test run.
/// </summary>
public static class TestHomes
{
    private static readonly string? GivenRoot =
        Environment.GetEnvironmentVariable("JAILCLUSTER_TEST_ROOT") is { Length: > 0 } given ? given : null;

    private static int next;

    /// <summary>The root of every state directory of this run.</summary>
    public static string Root { get; } =
        GivenRoot ?? System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"jailcluster-e2e-{Environment.ProcessId}");

    /// <summary>
    /// Removes the root when this run made it (a root given by .ci/run is left to it), once every silo under it is
    /// stopped.
    /// </summary>
    public static void RemoveOwnRoot()
    {
        if (GivenRoot is null && Directory.Exists(Root))
        {
            foreach (var home in Directory.GetDirectories(Root))
            {
                SiloReaper.Reap(home);
            }

            Directory.Delete(Root, recursive: true);
        }
    }

    /// <summary>A new, empty state directory.</summary>
    public static string Create(string purpose)
    {
        var path = System.IO.Path.Combine(Root, $"{purpose}-{Interlocked.Increment(ref next)}");
        Directory.CreateDirectory(path);
        return path;
    }
}
