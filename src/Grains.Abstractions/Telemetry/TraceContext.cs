namespace JailCluster.Telemetry;

using System.Diagnostics;

/// <summary>
/// How a span crosses grain calls: as an argument, on the few calls that start a kernel thread's work in another
/// grain (a command's <see cref="Commands.ExecOptions.TraceParent"/>, a queued task, a signal), and on no other.
/// A kernel memory step is a grain call too, and the threads record it as a span event: it needs no trace context,
/// so it carries none. Orleans' request context would carry the id on every call made while serving one that
/// had it, and its activity propagation makes a client and a server span per call; either costs every memory step
/// a copy or two of the context, and the filter that writes it takes Orleans off its direct call path.
/// </summary>
public static class TraceContext
{
    /// <summary>
    /// The parent for a span started here: the caller's span, from its W3C <c>traceparent</c>; default when there
    /// is none, which makes <see cref="ActivitySource.StartActivity(string, ActivityKind, ActivityContext,
    /// IEnumerable{KeyValuePair{string, object}}, IEnumerable{ActivityLink}, DateTimeOffset)"/> continue the
    /// current span, or start a trace when none is current.
    /// </summary>
    public static ActivityContext Parent(string? traceParent) =>
        ActivityContext.TryParse(traceParent, null, isRemote: true, out var parent) ? parent : default;
}
