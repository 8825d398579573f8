namespace JailCluster.Telemetry;

using System.Diagnostics;

/// <summary>
/// Carries the current span's W3C <c>traceparent</c> across grain calls in Orleans' request context, without a
/// span per call. Orleans' own activity propagation starts a client and a server span for every grain call,
/// which is two spans per kernel memory step: more than the kernel's own spans, and nothing the interleaving
/// shows. Here the caller only writes its span's id into the request context, which Orleans sends with the call
/// and with every call made while serving it; the kernel code that starts a span in the callee takes that id as
/// the parent when no span is current (<see cref="Parent"/>).
/// </summary>
public static class TraceContext
{
    /// <summary>The request context key, as W3C trace context names the header.</summary>
    public const string TraceParentKey = "traceparent";

    /// <summary>
    /// The parent for a span started here: the current span, else the caller's, from the request context;
    /// default (a new trace) when there is neither.
    /// </summary>
    public static ActivityContext Parent()
    {
        if (Activity.Current is { } current)
        {
            return current.Context;
        }

        return RequestContext.Get(TraceParentKey) is string traceParent
            && ActivityContext.TryParse(traceParent, null, isRemote: true, out var parent)
            ? parent
            : default;
    }

    /// <summary>Writes the current span's id into the request context of the calls about to be made.</summary>
    public static void Inject()
    {
        if (Activity.Current is not { IdFormat: ActivityIdFormat.W3C } current)
        {
            return;
        }

        // An activity builds its id once; while the same span makes call after call, nothing is written again.
        var id = current.Id;
        if (!ReferenceEquals(RequestContext.Get(TraceParentKey), id))
        {
            RequestContext.Set(TraceParentKey, id!);
        }
    }
}
