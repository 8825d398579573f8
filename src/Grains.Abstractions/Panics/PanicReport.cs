namespace JailCluster.Panics;

/// <summary>A kernel panic of one simulated host, in the shape FreeBSD prints it plus the other side.</summary>
[GenerateSerializer, Immutable, Alias("jc.PanicReport")]
public sealed record PanicReport
{
    /// <summary>Stable id: host, boot generation and a sequence, for example <c>alpha-3-1</c>.</summary>
    [Id(0)] public required string Id { get; init; }

    /// <summary>The host that panicked.</summary>
    [Id(1)] public required string Host { get; init; }

    /// <summary>Boot generation of the host at the panic.</summary>
    [Id(2)] public int Generation { get; init; }

    /// <summary>Kernel version the host ran.</summary>
    [Id(3)] public required string Kernel { get; init; }

    /// <summary>The panic message, as after <c>panic: </c> (for example <c>page fault</c>).</summary>
    [Id(4)] public required string Message { get; init; }

    /// <summary>Trap number (12 page fault, 9 general protection), or 0 for a panic that is no trap.</summary>
    [Id(5)] public int TrapNumber { get; init; }

    /// <summary>Fault virtual address, for a page fault.</summary>
    [Id(6)] public ulong FaultAddress { get; init; }

    /// <summary>The current thread's name, as after <c>current process = pid (</c>.</summary>
    [Id(7)] public required string Thread { get; init; }

    /// <summary>Current process id.</summary>
    [Id(8)] public int Pid { get; init; }

    /// <summary>The frames of the faulting thread's simulated stack, innermost first, function names only.</summary>
    [Id(9)] public IReadOnlyList<string> Frames { get; init; } = [];

    /// <summary>The whole report as FreeBSD's console would show it, with the provenance section after it.</summary>
    [Id(10)] public required string Text { get; init; }

    /// <summary>Who stored the NULL or freed the memory that was read, when the memory model knows.</summary>
    [Id(11)] public Provenance? Culprit { get; init; }

    /// <summary>When the panic happened.</summary>
    [Id(12)] public DateTimeOffset Time { get; init; }

    /// <summary>W3C trace id of the faulting span, when traced.</summary>
    [Id(13)] public string? TraceId { get; init; }

    /// <summary>W3C span id of the faulting span, when traced.</summary>
    [Id(14)] public string? SpanId { get; init; }

    /// <summary>The reference step the faulting thread was in (A7, ...), when in one.</summary>
    [Id(15)] public string? Step { get; init; }
}
