namespace JailCluster.EndToEnd.Tests;

/// <summary>
/// One local cluster of two real silo processes for the whole collection, started and stopped through jailctl,
/// with its silos killed by pid if stopping fails.
/// </summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    private int hosts;

    /// <summary>The cluster's state directory.</summary>
    public string Home { get; } = TestHomes.Create("cluster");

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        var up = await Jailctl.RunAsync(Home, "cluster", "up", "--silos", "2");
        if (up.ExitCode != 0)
        {
            SiloReaper.Reap(Home);
            throw new InvalidOperationException($"the test cluster did not start:\n{up}");
        }
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        try
        {
            await Jailctl.RunAsync(Home, TimeSpan.FromSeconds(90), "cluster", "down");
        }
        finally
        {
            SiloReaper.Reap(Home);
            TestHomes.RemoveOwnRoot();
        }
    }

    /// <summary>Runs jailctl against the cluster.</summary>
    public Task<JailctlResult> RunAsync(params string[] args) => Jailctl.RunAsync(Home, args);

    /// <summary>Boots a host with a name no other test uses, and returns the name.</summary>
    public async Task<string> BootAsync(string purpose, string kernel)
    {
        var name = $"{purpose}{Interlocked.Increment(ref hosts)}";
        var boot = await RunAsync("host", "boot", name, "--kernel", kernel);
        Assert.True(boot.ExitCode == 0, boot.ToString());
        return name;
    }

    /// <summary>Writes a script file into the state directory and returns its path.</summary>
    public string WriteScript(string name, string text)
    {
        var path = System.IO.Path.Combine(Home, name);
        File.WriteAllText(path, text);
        return path;
    }
}
