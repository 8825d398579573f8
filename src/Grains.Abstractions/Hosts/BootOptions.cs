namespace JailCluster.Hosts;

/// <summary>How a simulated host boots.</summary>
[GenerateSerializer, Immutable, Alias("jc.BootOptions")]
public sealed record BootOptions
{
    /// <summary>One of <see cref="KernelVersion.All"/>. Default: 12.1.</summary>
    [Id(0)] public string Kernel { get; init; } = KernelVersion.Release121;

    /// <summary>
    /// Boot a kernel built with INVARIANTS: freed memory reads as the trash pattern, KASSERTs are live.
    /// </summary>
    [Id(1)] public bool Invariants { get; init; }

    /// <summary>Where the host's grains live. Default: spread over the silos.</summary>
    [Id(2)] public KernelPlacement Placement { get; init; } = KernelPlacement.Spread;

    /// <summary>Seed for the host's only randomness, the probability of fail points (<c>p%</c>).</summary>
    [Id(3)] public int Seed { get; init; }

    /// <summary>Sleep lengths.</summary>
    [Id(4)] public KernelTunables Tunables { get; init; } = KernelTunables.Default;
}
