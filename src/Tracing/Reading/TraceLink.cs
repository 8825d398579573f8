namespace JailCluster.Tracing.Reading;

/// <summary>A span link read from a trace file.</summary>
/// <param name="TraceId">Linked trace id, lowercase hex.</param>
/// <param name="SpanId">Linked span id, lowercase hex.</param>
/// <param name="Attributes">The link's attributes.</param>
public sealed record TraceLink(string TraceId, string SpanId, IReadOnlyDictionary<string, object?> Attributes);
