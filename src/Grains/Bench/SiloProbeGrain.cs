namespace JailCluster.Kernel.Bench;

using System.Diagnostics;

/// <summary>Reads this silo's process; never placed anywhere but on the silo that received the call.</summary>
[StatelessWorker(1)]
public sealed class SiloProbeGrain : Grain, ISiloProbeGrain
{
    /// <inheritdoc />
    public Task<SiloProbe> Read(bool collect)
    {
        if (collect)
        {
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        }

        using var self = Process.GetCurrentProcess();
        return Task.FromResult(new SiloProbe
        {
            Pid = Environment.ProcessId,
            ResidentBytes = self.WorkingSet64,
            ManagedBytes = GC.GetTotalMemory(forceFullCollection: false),
            Calls = GrainCallCounter.Snapshot(),
            CpuSeconds = self.TotalProcessorTime.TotalSeconds,
            AllocatedBytes = GC.GetTotalAllocatedBytes(),
            JitCompiledMethods = System.Runtime.JitInfo.GetCompiledMethodCount(),
            GcPauseSeconds = GC.GetTotalPauseDuration().TotalSeconds,
        });
    }
}
