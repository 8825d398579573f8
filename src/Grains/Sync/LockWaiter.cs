namespace JailCluster.Kernel.Sync;

/// <summary>A thread waiting for a lock.</summary>
[GenerateSerializer, Immutable, Alias("jc.LockWaiter")]
public sealed record LockWaiter([property: Id(0)] int Tid, [property: Id(1)] string Thread, [property: Id(2)] int Pid);
