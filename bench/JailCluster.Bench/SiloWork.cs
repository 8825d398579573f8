namespace JailCluster.Bench;

/// <summary>
/// What the silos of a cluster have done, summed over them: processor seconds, managed bytes allocated, methods
/// JIT-compiled, and seconds their threads were paused for garbage collection. Two readings subtract to what a run
/// did.
/// </summary>
public sealed record SiloWork(double CpuSeconds, long AllocatedBytes, long JitCompiledMethods, double GcPauseSeconds)
{
    /// <summary>What the silos did between <paramref name="before"/> and <paramref name="after"/>.</summary>
    public static SiloWork operator -(SiloWork after, SiloWork before)
    {
        ArgumentNullException.ThrowIfNull(after);
        ArgumentNullException.ThrowIfNull(before);
        return new SiloWork(
            after.CpuSeconds - before.CpuSeconds,
            after.AllocatedBytes - before.AllocatedBytes,
            after.JitCompiledMethods - before.JitCompiledMethods,
            after.GcPauseSeconds - before.GcPauseSeconds);
    }
}
