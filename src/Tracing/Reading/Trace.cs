using JailCluster.Telemetry;

namespace JailCluster.Tracing.Reading;

/// <summary>All recorded spans of one trace (one jail teardown), from every process.</summary>
public sealed class Trace
{
    private readonly Dictionary<string, TraceSpan> bySpanId;

    /// <summary>A trace of spans that share <paramref name="traceId"/>; a span id seen twice counts once.</summary>
    public Trace(string traceId, IEnumerable<TraceSpan> spans)
    {
        TraceId = traceId;
        bySpanId = new Dictionary<string, TraceSpan>(StringComparer.Ordinal);
        foreach (var span in spans)
        {
            bySpanId.TryAdd(span.SpanId, span);
        }

        Spans = [.. bySpanId.Values.OrderBy(s => s.StartUnixNano).ThenBy(s => s.EndUnixNano)];
        Root = Spans.FirstOrDefault(s => s.ParentSpanId is null)
            ?? Spans.FirstOrDefault(s => !bySpanId.ContainsKey(s.ParentSpanId!))
            ?? (Spans.Count > 0 ? Spans[0] : null);
        PanicSpan = Spans.FirstOrDefault(s => s.PanicId is not null);
    }

    /// <summary>Trace id, 32 lowercase hex digits.</summary>
    public string TraceId { get; }

    /// <summary>Spans by start time.</summary>
    public IReadOnlyList<TraceSpan> Spans { get; }

    /// <summary>The root span (the client's teardown), or the earliest span whose parent was not recorded.</summary>
    public TraceSpan? Root { get; }

    /// <summary>The span that faulted, if a host panicked.</summary>
    public TraceSpan? PanicSpan { get; }

    /// <summary>The panic id, if a host panicked.</summary>
    public string? PanicId => PanicSpan?.PanicId;

    /// <summary>Earliest start, in Unix nanoseconds.</summary>
    public ulong StartUnixNano => Spans.Count == 0 ? 0 : Spans.Min(s => s.StartUnixNano);

    /// <summary>Latest end, in Unix nanoseconds.</summary>
    public ulong EndUnixNano => Spans.Count == 0 ? 0 : Spans.Max(s => s.EndUnixNano);

    /// <summary>Start of the earliest span.</summary>
    public DateTimeOffset Start => TraceTime.FromUnixNano(StartUnixNano);

    /// <summary>From the earliest start to the latest end.</summary>
    public TimeSpan Duration => TraceTime.Between(StartUnixNano, EndUnixNano);

    /// <summary>Simulated hosts the trace touched, sorted.</summary>
    public IReadOnlyList<string> Hosts =>
        [.. Spans.Select(s => s.Host).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    /// <summary>Panic if a span carries a panic id, error if a span failed otherwise, else clean.</summary>
    public TraceOutcome Outcome =>
        PanicSpan is not null ? TraceOutcome.Panic
        : Spans.Any(s => s.Status == TraceStatusCode.Error) ? TraceOutcome.Error
        : TraceOutcome.Clean;

    /// <summary>The jail the teardown concerns, from the first span that names one.</summary>
    public string? Jail => Spans.Select(s => s.GetString(TelemetryNames.Jail)).FirstOrDefault(j => j is not null);

    /// <summary>A span of this trace by id, or null.</summary>
    public TraceSpan? FindSpan(string spanId) => bySpanId.GetValueOrDefault(spanId);

    /// <summary>A one-line summary for listings.</summary>
    public TraceSummary Summarize() => new(
        TraceId, Root?.Name ?? "", Start, Duration, Hosts, Outcome, PanicId, Jail, Spans.Count);
}
