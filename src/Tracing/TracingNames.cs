namespace JailCluster.Tracing;

/// <summary>
/// Names the tracing library needs beyond <see cref="JailCluster.Telemetry.TelemetryNames"/>: the keep
/// marker, OpenTelemetry's exception and resource conventions, Orleans' source and the environment.
/// </summary>
public static class TracingNames
{
    /// <summary>
    /// Span attribute: <c>true</c> asks every process to keep this span's whole trace, whatever the
    /// sampling share (for a teardown that left damage without panicking).
    /// </summary>
    public const string Keep = "jailcluster.keep";

    /// <summary>Semantic-convention span event recorded for an exception (here: a panic).</summary>
    public const string ExceptionEvent = "exception";

    /// <summary>Semantic-convention key: exception type.</summary>
    public const string ExceptionType = "exception.type";

    /// <summary>Semantic-convention key: exception message.</summary>
    public const string ExceptionMessage = "exception.message";

    /// <summary>Semantic-convention key: exception stack trace (here: the KDB backtrace).</summary>
    public const string ExceptionStacktrace = "exception.stacktrace";

    /// <summary>Resource key: the service name.</summary>
    public const string ServiceName = "service.name";

    /// <summary>Resource key: the service instance.</summary>
    public const string ServiceInstanceId = "service.instance.id";

    /// <summary>Resource key: the operating-system process id.</summary>
    public const string ProcessPid = "process.pid";

    /// <summary>Environment variable naming the traces directory.</summary>
    public const string TracesDirVariable = "JAILCLUSTER_TRACES_DIR";

    /// <summary>
    /// Environment variable selecting the sampling: <c>off</c>, <c>all</c>, or a share such as <c>0.1</c> or
    /// <c>10%</c>.
    /// </summary>
    public const string TracesSamplingVariable = "JAILCLUSTER_TRACES_SAMPLING";

    /// <summary>Environment variable setting the grace period of held traces, in seconds.</summary>
    public const string TracesGraceVariable = "JAILCLUSTER_TRACES_GRACE";

    /// <summary>Standard OpenTelemetry variable; when set, spans also go to that OTLP endpoint.</summary>
    public const string OtlpEndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";
}
