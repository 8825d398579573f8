namespace JailCluster.Kernel.Hosts;

/// <summary>What the host directory keeps in grain storage.</summary>
[GenerateSerializer, Alias("jc.HostDirectoryState")]
public sealed class HostDirectoryState
{
    /// <summary>Every host ever booted, by name, with its last boot.</summary>
    [Id(0)] public Dictionary<string, HostRecord> Hosts { get; set; } = new(StringComparer.Ordinal);
}
