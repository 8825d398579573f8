using System.Diagnostics;
using JailCluster.Telemetry;
using OpenTelemetry;

namespace JailCluster.Tracing.Export;

/// <summary>
/// Marks a trace to keep the moment one of its spans ends with the signs of a panicked or damaged
/// teardown, before the span even reaches the batch: status error, a panic id, <c>jailcluster.keep</c>,
/// or a memory event that touched freed memory. Also tells the tracker which traces have spans open here.
/// </summary>
internal sealed class TraceKeepProcessor(TraceKeepRegistry keep, OpenSpanTracker? open = null) : BaseProcessor<Activity>
{
    public override void OnStart(Activity data)
    {
        if (data.Recorded)
        {
            open?.Started(data.TraceId);
        }
    }

    public override void OnEnd(Activity data)
    {
        if (!data.Recorded)
        {
            return;
        }

        open?.Ended(data.TraceId);
        if (ShouldKeep(data))
        {
            keep.Mark(data.TraceId);
        }
    }

    /// <summary>True for a span whose trace every process must keep.</summary>
    public static bool ShouldKeep(Activity span)
    {
        if (span.Status == ActivityStatusCode.Error || span.GetTagItem(TelemetryNames.PanicId) is not null)
        {
            return true;
        }

        if (IsTrue(span.GetTagItem(TracingNames.Keep)))
        {
            return true;
        }

        // The struct enumerators: this runs as every span ends.
        foreach (ref readonly var e in span.EnumerateEvents())
        {
            foreach (ref readonly var tag in e.EnumerateTagObjects())
            {
                if (tag.Key == TelemetryNames.MemFreed && IsTrue(tag.Value))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool IsTrue(object? value) => value switch
    {
        bool b => b,
        string s => bool.TryParse(s, out var b) && b,
        _ => false,
    };
}
