namespace JailCluster.Tracing.Reading;

/// <summary>A span's status, numbered as in OTLP.</summary>
public enum TraceStatusCode
{
    /// <summary>No status set.</summary>
    Unset = 0,

    /// <summary>Explicitly ok.</summary>
    Ok = 1,

    /// <summary>Failed; a panic, for a kernel span.</summary>
    Error = 2,
}
