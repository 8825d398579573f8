namespace JailCluster.Client.Cluster;

/// <summary>
/// Where jailctl keeps what it knows about the local cluster: <c>$JAILCLUSTER_HOME</c>, or <c>.jailcluster/</c>
/// under the current directory. Holds <c>cluster.json</c>, the silos' own <c>silos/PORT.json</c>, their logs,
/// and the names of the hosts booted through it.
/// </summary>
public sealed class StateDirectory(string path)
{
    /// <summary>The environment variable that overrides the default location.</summary>
    public const string HomeVariable = "JAILCLUSTER_HOME";

    /// <summary>The directory.</summary>
    public string Path { get; } = System.IO.Path.GetFullPath(path);

    /// <summary>The cluster description written by <c>cluster up</c>.</summary>
    public string ClusterFile => System.IO.Path.Combine(Path, "cluster.json");

    /// <summary>The directory in which each silo writes its state file.</summary>
    public string SilosDirectory => System.IO.Path.Combine(Path, "silos");

    /// <summary>The directory of the silos' logs.</summary>
    public string LogsDirectory => System.IO.Path.Combine(Path, "logs");

    /// <summary>The names of hosts booted through jailctl, one a line.</summary>
    public string HostsFile => System.IO.Path.Combine(Path, "hosts");

    /// <summary>The state directory named by the environment, or the default one.</summary>
    public static StateDirectory FromEnvironment()
    {
        var home = Environment.GetEnvironmentVariable(HomeVariable);
        return new StateDirectory(string.IsNullOrWhiteSpace(home) ? ".jailcluster" : home);
    }

    /// <summary>The state file a silo on <paramref name="siloPort"/> writes once started.</summary>
    public string SiloFile(int siloPort) => System.IO.Path.Combine(SilosDirectory, $"{siloPort}.json");
}
