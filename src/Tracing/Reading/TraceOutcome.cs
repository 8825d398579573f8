namespace JailCluster.Tracing.Reading;

/// <summary>What a recorded teardown came to.</summary>
public enum TraceOutcome
{
    /// <summary>No span failed.</summary>
    Clean,

    /// <summary>A span failed without a panic.</summary>
    Error,

    /// <summary>A host panicked (a span carries <c>jailcluster.panic.id</c>).</summary>
    Panic,
}
