namespace JailCluster.Tracing.Reading;

/// <summary>One line of <c>jailctl trace --list</c>.</summary>
/// <param name="TraceId">Trace id.</param>
/// <param name="RootName">Name of the root span (for example <c>teardown jail</c>).</param>
/// <param name="Start">Start of the earliest span.</param>
/// <param name="Duration">Earliest start to latest end.</param>
/// <param name="Hosts">Simulated hosts involved.</param>
/// <param name="Outcome">Panic, error or clean.</param>
/// <param name="PanicId">The panic id, for a panic.</param>
/// <param name="Jail">The jail torn down, when a span names it.</param>
/// <param name="SpanCount">Number of spans recorded.</param>
public sealed record TraceSummary(
    string TraceId,
    string RootName,
    DateTimeOffset Start,
    TimeSpan Duration,
    IReadOnlyList<string> Hosts,
    TraceOutcome Outcome,
    string? PanicId,
    string? Jail,
    int SpanCount);
