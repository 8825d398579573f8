namespace JailCluster.Kernel.Fail;

using JailCluster.Kernel.Sync;

/// <summary>A fail point's setting, how often it fired, and the threads it holds paused now.</summary>
[GenerateSerializer, Immutable, Alias("jc.FailPointView")]
public sealed record FailPointView
{
    /// <summary>The name.</summary>
    [Id(0)] public required string Name { get; init; }

    /// <summary>The expression, <c>off</c> when unset.</summary>
    [Id(1)] public string Setting { get; init; } = "off";

    /// <summary>Times it fired since boot.</summary>
    [Id(2)] public long Fired { get; init; }

    /// <summary>Threads held paused right now.</summary>
    [Id(3)] public IReadOnlyList<LockWaiter> Paused { get; init; } = [];
}
