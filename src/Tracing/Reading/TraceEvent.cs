namespace JailCluster.Tracing.Reading;

/// <summary>A span event read from a trace file.</summary>
/// <param name="Name">Event name (<c>step</c>, <c>store</c>, <c>exception</c>, ...).</param>
/// <param name="TimeUnixNano">When, in nanoseconds since the Unix epoch.</param>
/// <param name="Attributes">Attribute values: string, long, double, bool or a list of those.</param>
public sealed record TraceEvent(string Name, ulong TimeUnixNano, IReadOnlyDictionary<string, object?> Attributes)
{
    /// <summary>An attribute as text, or null when absent.</summary>
    public string? GetString(string key) => TraceAttributes.GetString(Attributes, key);
}
