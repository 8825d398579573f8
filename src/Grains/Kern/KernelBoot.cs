namespace JailCluster.Kernel.Kern;

using JailCluster.Hosts;

/// <summary>What one boot of a host is: the globals every thread of it reads once.</summary>
[GenerateSerializer, Immutable, Alias("jc.KernelBoot")]
public sealed record KernelBoot
{
    /// <summary>Host name.</summary>
    [Id(0)] public required string Host { get; init; }

    /// <summary>Boot generation.</summary>
    [Id(1)] public int Generation { get; init; }

    /// <summary>Boot options.</summary>
    [Id(2)] public required BootOptions Options { get; init; }

    /// <summary><c>vnet0</c>, the host's own network stack.</summary>
    [Id(3)] public ulong Vnet0 { get; init; }

    /// <summary>When the host booted.</summary>
    [Id(4)] public DateTimeOffset BootedAt { get; init; }
}
