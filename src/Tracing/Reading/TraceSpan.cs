using JailCluster.Telemetry;

namespace JailCluster.Tracing.Reading;

/// <summary>A span read from a trace file, with the resource of the process that recorded it.</summary>
public sealed record TraceSpan
{
    /// <summary>Trace id, 32 lowercase hex digits.</summary>
    public required string TraceId { get; init; }

    /// <summary>Span id, 16 lowercase hex digits.</summary>
    public required string SpanId { get; init; }

    /// <summary>Parent span id, or null for a root.</summary>
    public string? ParentSpanId { get; init; }

    /// <summary>Span name: the FreeBSD function, for a kernel span.</summary>
    public required string Name { get; init; }

    /// <summary>OTLP span kind (1 internal, 2 server, 3 client, 4 producer, 5 consumer).</summary>
    public int Kind { get; init; }

    /// <summary>Start, in nanoseconds since the Unix epoch.</summary>
    public ulong StartUnixNano { get; init; }

    /// <summary>End, in nanoseconds since the Unix epoch.</summary>
    public ulong EndUnixNano { get; init; }

    /// <summary>Span attributes.</summary>
    public IReadOnlyDictionary<string, object?> Attributes { get; init; } = new Dictionary<string, object?>();

    /// <summary>Span events in recorded order.</summary>
    public IReadOnlyList<TraceEvent> Events { get; init; } = [];

    /// <summary>Span links.</summary>
    public IReadOnlyList<TraceLink> Links { get; init; } = [];

    /// <summary>Status code.</summary>
    public TraceStatusCode Status { get; init; }

    /// <summary>Status message, if any.</summary>
    public string? StatusMessage { get; init; }

    /// <summary>Instrumentation scope: the activity source.</summary>
    public string Scope { get; init; } = "";

    /// <summary>Resource attributes of the recording process.</summary>
    public IReadOnlyDictionary<string, object?> Resource { get; init; } = new Dictionary<string, object?>();

    /// <summary>Start time.</summary>
    public DateTimeOffset Start => TraceTime.FromUnixNano(StartUnixNano);

    /// <summary>Duration (zero if the end precedes the start).</summary>
    public TimeSpan Duration => TraceTime.Between(StartUnixNano, EndUnixNano);

    /// <summary>The simulated host, or null.</summary>
    public string? Host => GetString(TelemetryNames.Host);

    /// <summary>The simulated thread's name, or null for a span outside the kernel.</summary>
    public string? ThreadName => GetString(TelemetryNames.ThreadName);

    /// <summary>The simulated thread id, or null.</summary>
    public string? ThreadId => GetString(TelemetryNames.ThreadId);

    /// <summary>The panic id, on the faulting span.</summary>
    public string? PanicId => GetString(TelemetryNames.PanicId);

    /// <summary>The recording process's service name.</summary>
    public string? ServiceName => TraceAttributes.GetString(Resource, TracingNames.ServiceName);

    /// <summary>An attribute as text, or null when absent.</summary>
    public string? GetString(string key) => TraceAttributes.GetString(Attributes, key);
}
