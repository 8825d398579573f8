namespace JailCluster.Kernel.Hosts;

/// <summary>
/// Every host ever booted in the cluster, with its last boot, so that the loss of a silo can reach them all and
/// a host whose own grain died with a silo knows it was booted and how.
/// </summary>
[Alias("jc.IHostDirectoryGrain")]
public interface IHostDirectoryGrain : IGrainWithStringKey
{
    /// <summary>The key of the one directory.</summary>
    public const string ClusterKey = "cluster";

    /// <summary>Records a host's boot.</summary>
    [Alias("Register")]
    Task Register(string host, HostRecord boot);

    /// <summary>A host's last boot, or null when it never booted.</summary>
    [Alias("LastBoot")]
    Task<HostRecord?> LastBoot(string host);

    /// <summary>All hosts.</summary>
    [Alias("Hosts")]
    Task<IReadOnlyList<string>> Hosts();
}
