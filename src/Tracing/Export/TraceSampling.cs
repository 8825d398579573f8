namespace JailCluster.Tracing.Export;

/// <summary>Which traces the trace files keep.</summary>
public enum TraceSampling
{
    /// <summary>
    /// Every trace that panicked, failed or was marked <c>jailcluster.keep</c> by any process, and a share
    /// (<see cref="TraceFileOptions.CleanShare"/>) of the clean ones, chosen by trace id so that every
    /// process picks the same traces.
    /// </summary>
    PanicsAndShare,

    /// <summary>Every trace; no buffering.</summary>
    All,

    /// <summary>No trace files at all.</summary>
    Off,
}
