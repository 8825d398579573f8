namespace JailCluster.Kernel.Kern;

/// <summary>
/// A queued task (<c>struct task</c>): the function to run, its argument, a key that makes re-enqueueing
/// a pending task a no-op as in FreeBSD, and the trace context of whoever queued it.
/// </summary>
[GenerateSerializer, Immutable, Alias("jc.KTask")]
public sealed record KTask
{
    /// <summary>The task function (<c>prison_complete</c>, <c>if_linktask</c>).</summary>
    [Id(0)] public required string Function { get; init; }

    /// <summary>Its argument, an object address.</summary>
    [Id(1)] public ulong Arg { get; init; }

    /// <summary>Identity of the <c>struct task</c>: the function and the object that embeds it.</summary>
    public string Key => Function + "@" + Arg.ToString("x", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>W3C traceparent of the span that queued it, so the work joins the same trace.</summary>
    [Id(2)] public string? TraceParent { get; init; }
}
