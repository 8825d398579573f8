namespace JailCluster.Kernel.Bench;

using Orleans.Placement;

/// <summary>
/// Placed at random so that, on n silos, a call from a driver is remote with probability (n - 1) / n, as a kernel
/// memory step is under spread placement.
/// </summary>
[RandomPlacement]
public sealed class PingGrain : Grain, IPingGrain
{
    /// <inheritdoc />
    public ValueTask Ping() => ValueTask.CompletedTask;
}
