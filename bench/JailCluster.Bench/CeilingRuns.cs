namespace JailCluster.Bench;

/// <summary>
/// The runs of a call rate at one cluster size (the ping ceiling, the memory steps alone): their rates, and what each
/// call cost the silos.
/// </summary>
internal sealed class CeilingRuns
{
    /// <summary>Calls answered per second, one entry per run.</summary>
    public List<double> PerSecond { get; } = [];

    /// <summary>Processor microseconds the silos used per call answered, one entry per run.</summary>
    public List<double> CpuMicros { get; } = [];

    /// <summary>Managed bytes the silos allocated per call answered, one entry per run.</summary>
    public List<double> Bytes { get; } = [];

    /// <summary>Microseconds the silos' threads were paused for collection per call, one entry per run.</summary>
    public List<double> GcPauseMicros { get; } = [];
}
