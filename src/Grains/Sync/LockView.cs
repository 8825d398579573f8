namespace JailCluster.Kernel.Sync;

/// <summary>Who holds a lock and who waits for it.</summary>
[GenerateSerializer, Immutable, Alias("jc.LockView")]
public sealed record LockView
{
    /// <summary>The lock's name.</summary>
    [Id(0)] public string Name { get; init; } = "";

    /// <summary>The owner, when held.</summary>
    [Id(1)] public LockWaiter? Owner { get; init; }

    /// <summary>Recursion depth of the owner.</summary>
    [Id(2)] public int Recursion { get; init; }

    /// <summary>Waiters in arrival order.</summary>
    [Id(3)] public IReadOnlyList<LockWaiter> Waiters { get; init; } = [];
}
