namespace JailCluster.Panics;

/// <summary>
/// Who last made a pointer NULL or freed an object, recorded by the memory model so that a panic can
/// name the other side of a race, as KASAN does.
/// </summary>
[GenerateSerializer, Immutable, Alias("jc.Provenance")]
public sealed record Provenance
{
    /// <summary>What happened: <c>store</c> (of NULL) or <c>free</c>.</summary>
    [Id(0)] public required string Action { get; init; }

    /// <summary>The object, as <c>type name@address</c>.</summary>
    [Id(1)] public required string Object { get; init; }

    /// <summary>The field stored to, for a store.</summary>
    [Id(2)] public string? Field { get; init; }

    /// <summary>The thread's name as FreeBSD prints it (<c>ifconfig</c>, <c>thread taskq</c>).</summary>
    [Id(3)] public required string Thread { get; init; }

    /// <summary>Process id.</summary>
    [Id(4)] public int Pid { get; init; }

    /// <summary>Thread id.</summary>
    [Id(5)] public int Tid { get; init; }

    /// <summary>The thread's simulated call stack at that moment, innermost first.</summary>
    [Id(6)] public IReadOnlyList<string> Stack { get; init; } = [];

    /// <summary>When it happened.</summary>
    [Id(7)] public DateTimeOffset Time { get; init; }

    /// <summary>Reference label of the step (B5, B8, ...), when inside one.</summary>
    [Id(8)] public string? Step { get; init; }

    /// <summary>W3C trace id of the span that did it, when traced.</summary>
    [Id(9)] public string? TraceId { get; init; }

    /// <summary>W3C span id of the span that did it, when traced.</summary>
    [Id(10)] public string? SpanId { get; init; }
}
