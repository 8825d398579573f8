namespace JailCluster.Kernel.Bench;

/// <summary>One reading of one silo process.</summary>
[GenerateSerializer, Alias("JailCluster.Kernel.Bench.SiloProbe")]
public sealed record SiloProbe
{
    /// <summary>The silo's process id.</summary>
    [Id(0)] public int Pid { get; init; }

    /// <summary>Resident set size, bytes (VmRSS).</summary>
    [Id(1)] public long ResidentBytes { get; init; }

    /// <summary>Bytes of the managed heap in use.</summary>
    [Id(2)] public long ManagedBytes { get; init; }

    /// <summary>Grain calls received, by <c>Interface.Method</c>; empty when counting is off.</summary>
    [Id(3)] public IReadOnlyDictionary<string, long> Calls { get; init; } = new Dictionary<string, long>();

    /// <summary>Processor time the silo has used, seconds.</summary>
    [Id(4)] public double CpuSeconds { get; init; }

    /// <summary>Bytes the silo has allocated on the managed heap since it started.</summary>
    [Id(5)] public long AllocatedBytes { get; init; }

    /// <summary>Methods the silo has JIT-compiled since it started: a run that compiles many is not steady.</summary>
    [Id(6)] public long JitCompiledMethods { get; init; }

    /// <summary>Time the silo's threads have been paused for garbage collection since it started, seconds.</summary>
    [Id(7)] public double GcPauseSeconds { get; init; }
}
