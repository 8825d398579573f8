namespace JailCluster.Kernel.Hosts;

/// <summary>Every host ever booted in the cluster, so that the loss of a silo can reach them all.</summary>
[Alias("jc.IHostDirectoryGrain")]
public interface IHostDirectoryGrain : IGrainWithStringKey
{
    /// <summary>The key of the one directory.</summary>
    public const string ClusterKey = "cluster";

    /// <summary>Adds a host.</summary>
    [Alias("Register")]
    Task Register(string host);

    /// <summary>All hosts.</summary>
    [Alias("Hosts")]
    Task<IReadOnlyList<string>> Hosts();
}
