namespace JailCluster.Bench;

/// <summary>The ceiling's runs at one cluster size: their rates, and what each ping cost the silos.</summary>
internal sealed class CeilingRuns
{
    /// <summary>Pings answered per second, one entry per run.</summary>
    public List<double> PerSecond { get; } = [];

    /// <summary>Processor microseconds the silos used per ping answered, one entry per run.</summary>
    public List<double> CpuMicros { get; } = [];

    /// <summary>Managed bytes the silos allocated per ping answered, one entry per run.</summary>
    public List<double> Bytes { get; } = [];
}
