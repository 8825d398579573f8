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
    public Task InitializeAsync() => FixtureCluster.UpAsync(Home, "the test cluster", "--silos", "2");

    /// <inheritdoc />
    public Task DisposeAsync() => FixtureCluster.DownAsync(Home);

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
