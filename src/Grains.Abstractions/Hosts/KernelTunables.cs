namespace JailCluster.Hosts;

/// <summary>
/// Lengths of the waits a simulated kernel sleeps in. They decide how long things take, never whether
/// something fails. Zero is allowed everywhere and makes the wait a bare yield.
/// </summary>
[GenerateSerializer, Immutable, Alias("jc.KernelTunables")]
public sealed record KernelTunables
{
    /// <summary>One <c>epoch_wait_preempt</c>, in microseconds. Default: 2000.</summary>
    [Id(0)] public int EpochWaitMicros { get; init; } = 2000;

    /// <summary>How long a process takes to exit after SIGKILL, in microseconds. Default: 1000.</summary>
    [Id(1)] public int ProcExitMicros { get; init; } = 1000;

    /// <summary>
    /// Protocol detach, address purge and route flush in <c>if_detach_internal</c>, in microseconds. Default: 500.
    /// </summary>
    [Id(2)] public int IfPurgeMicros { get; init; } = 500;

    /// <summary>
    /// The destructors <c>vnet_destroy</c> runs after <c>vnet_if_return</c> (protocol domains, routing tables,
    /// pf, the loopback), in microseconds. They do not touch the race's objects, but they make the
    /// teardown thread slower than a destroy, as on FreeBSD. Default: 25000.
    /// </summary>
    [Id(3)] public int VnetSysuninitMicros { get; init; } = 25000;

    /// <summary>The defaults, calibrated so that the 2019 cleanup pattern hits the race on 12.1.</summary>
    public static KernelTunables Default { get; } = new();
}
