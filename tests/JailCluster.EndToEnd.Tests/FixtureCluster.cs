namespace JailCluster.EndToEnd.Tests;

/// <summary>
/// How a collection fixture starts and stops its cluster: through jailctl, with the silos killed by pid when
/// starting or stopping fails, so that no silo outlives the tests.
/// </summary>
public static class FixtureCluster
{
    /// <summary>
    /// Runs <c>jailctl cluster up</c> with <paramref name="args"/>, and throws naming <paramref name="what"/> when
    /// it fails.
    /// </summary>
    public static async Task UpAsync(string home, string what, params string[] args)
    {
        var up = await Jailctl.RunAsync(home, ["cluster", "up", .. args]);
        if (up.ExitCode != 0)
        {
            SiloReaper.Reap(home);
            throw new InvalidOperationException($"{what} did not start:\n{up}");
        }
    }

    /// <summary>
    /// Runs <c>jailctl cluster down</c>, then kills what is left, runs <paramref name="after"/> (the fixture's own
    /// servers) and removes the test homes.
    /// </summary>
    public static async Task DownAsync(string home, Action? after = null)
    {
        try
        {
            await Jailctl.RunAsync(home, TimeSpan.FromSeconds(90), "cluster", "down");
        }
        finally
        {
            SiloReaper.Reap(home);
            after?.Invoke();
            TestHomes.RemoveOwnRoot();
        }
    }
}
