namespace JailCluster.Hosts;

/// <summary>What a host grain says about itself.</summary>
[GenerateSerializer, Immutable, Alias("jc.HostInfo")]
public sealed record HostInfo
{
    /// <summary>The host's name.</summary>
    [Id(0)] public required string Name { get; init; }

    /// <summary>Power state.</summary>
    [Id(1)] public HostState State { get; init; }

    /// <summary>How the host last booted, when it has.</summary>
    [Id(2)] public BootOptions? Boot { get; init; }

    /// <summary>Boot count; grains of an earlier boot are unreachable.</summary>
    [Id(3)] public int Generation { get; init; }

    /// <summary>The panic that stopped the host, when <see cref="State"/> is Panicked.</summary>
    [Id(4)] public string? PanicId { get; init; }

    /// <summary>When the host last booted.</summary>
    [Id(5)] public DateTimeOffset? BootedAt { get; init; }

    /// <summary>Why the host crashed, when <see cref="State"/> is Crashed.</summary>
    [Id(6)] public string? CrashReason { get; init; }
}
