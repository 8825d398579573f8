namespace JailCluster.Kernel.Hosts;

/// <summary>The silo side's way to tell a host that part of the cluster died under it.</summary>
[Alias("jc.IHostCrashGrain")]
public interface IHostCrashGrain : IGrainWithStringKey
{
    /// <summary>A silo died; the host decides whether its kernel memory went with it.</summary>
    [Alias("SiloLost")]
    Task SiloLost(string silo);
}
