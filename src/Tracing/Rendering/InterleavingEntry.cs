namespace JailCluster.Tracing.Rendering;

/// <summary>One row of the timeline: something one thread did at one time.</summary>
public sealed record InterleavingEntry
{
    /// <summary>Lane index.</summary>
    public required int Lane { get; init; }

    /// <summary>When, in Unix nanoseconds.</summary>
    public required ulong TimeUnixNano { get; init; }

    /// <summary>What kind of row.</summary>
    public required InterleavingEntryKind Kind { get; init; }

    /// <summary>Short text for the lane cell.</summary>
    public required string Text { get; init; }

    /// <summary>The labelled step the thread was in (its latest step event at or before this row), if any.</summary>
    public string? Step { get; init; }

    /// <summary>The kernel function (span name) the row belongs to.</summary>
    public required string SpanName { get; init; }

    /// <summary>The span id.</summary>
    public required string SpanId { get; init; }

    /// <summary>Nesting depth of the span within its lane (0 = outermost).</summary>
    public int Depth { get; init; }

    /// <summary>Marking of the row.</summary>
    public InterleavingMark Mark { get; init; }

    /// <summary>Everything known about the row, for hover text.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Details { get; init; } = [];
}
