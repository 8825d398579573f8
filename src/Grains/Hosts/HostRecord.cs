namespace JailCluster.Kernel.Hosts;

using JailCluster.Hosts;

/// <summary>What the directory remembers of a host: how it last booted, and which boot that was.</summary>
[GenerateSerializer, Immutable, Alias("jc.HostRecord")]
public sealed record HostRecord([property: Id(0)] BootOptions Options, [property: Id(1)] int Generation);
