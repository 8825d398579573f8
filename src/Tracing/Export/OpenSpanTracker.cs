using System.Collections.Concurrent;
using System.Diagnostics;

namespace JailCluster.Tracing.Export;

/// <summary>
/// Counts the spans of each trace that this process has started and not yet ended, so that a trace
/// whose thread here is still inside a kernel function (paused at a fail point, sleeping in an epoch
/// wait) is not dropped while it waits.
/// </summary>
internal sealed class OpenSpanTracker
{
    private readonly ConcurrentDictionary<ActivityTraceId, int> open = new();

    public void Started(ActivityTraceId traceId) => open.AddOrUpdate(traceId, 1, (_, n) => n + 1);

    public void Ended(ActivityTraceId traceId)
    {
        while (open.TryGetValue(traceId, out var n))
        {
            var done = n <= 1
                ? open.TryRemove(new KeyValuePair<ActivityTraceId, int>(traceId, n))
                : open.TryUpdate(traceId, n - 1, n);
            if (done)
            {
                return;
            }
        }
    }

    public bool IsOpen(ActivityTraceId traceId) => open.ContainsKey(traceId);
}
