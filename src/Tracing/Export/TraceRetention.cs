using System.Buffers.Binary;
using System.Diagnostics;

namespace JailCluster.Tracing.Export;

/// <summary>
/// Decides which finished spans reach the trace file. A trace whose id hashes under the clean share is
/// kept at once, in every process alike. Any other trace is held, per trace id, until a process marks it
/// (then it is written) or until the grace period after its last span here runs out while none of its
/// spans is still open here (then it is dropped). Not thread-safe: the exporter serialises calls.
/// </summary>
internal sealed class TraceRetention
{
    private const int RememberedDecisions = 65_536;

    private readonly TraceSampling sampling;
    private readonly ulong shareThreshold;
    private readonly TimeSpan grace;
    private readonly int maxHeldSpans;
    private readonly TimeProvider time;
    private readonly TraceKeepRegistry keep;
    private readonly OpenSpanTracker open;
    private readonly Dictionary<ActivityTraceId, HeldTrace> held = [];
    private readonly Dictionary<ActivityTraceId, bool> decided = [];
    private readonly Queue<ActivityTraceId> decidedOrder = new();
    private int heldSpans;

    public TraceRetention(TraceFileOptions options, TraceKeepRegistry keep, OpenSpanTracker open, TimeProvider time)
    {
        this.open = open;
        sampling = options.Sampling;
        shareThreshold = ShareThreshold(options.CleanShare);
        grace = options.GracePeriod;
        maxHeldSpans = options.MaxHeldSpans;
        this.time = time;
        this.keep = keep;
    }

    /// <summary>Spans held for undecided traces.</summary>
    public int HeldSpanCount => heldSpans;

    /// <summary>Undecided traces.</summary>
    public int HeldTraceCount => held.Count;

    /// <summary>Spans dropped so far.</summary>
    public long DroppedSpanCount { get; private set; }

    /// <summary>
    /// True when the trace id falls under the share: the lower 56 bits of the id (the random part in W3C
    /// trace ids) read as a number below share * 2^56. Every process computes the same answer.
    /// </summary>
    public static bool IsUnderShare(ActivityTraceId traceId, double share) =>
        TraceIdBits(traceId) < ShareThreshold(share);

    /// <summary>Takes finished spans; returns those to write now (in arrival order).</summary>
    public List<Activity> Accept(IEnumerable<Activity> spans)
    {
        var now = time.GetUtcNow();
        var write = new List<Activity>();
        foreach (var span in spans)
        {
            var id = span.TraceId;
            if (sampling == TraceSampling.All)
            {
                write.Add(span);
            }
            else if (decided.TryGetValue(id, out var kept) && (kept || !keep.IsMarked(id)))
            {
                if (kept)
                {
                    write.Add(span);
                }
                else
                {
                    DroppedSpanCount++;
                }
            }
            else if (keep.IsMarked(id) || TraceIdBits(id) < shareThreshold)
            {
                Release(id, write);
                write.Add(span);
            }
            else
            {
                Hold(id, span, now);
            }
        }

        TrimHeld();
        return write;
    }

    /// <summary>Writes held traces that some process marked meanwhile and drops those whose grace ran out.</summary>
    public List<Activity> Sweep()
    {
        var write = new List<Activity>();
        if (held.Count == 0)
        {
            return write;
        }

        keep.Refresh();
        var now = time.GetUtcNow();
        // Release and Drop only remove entries, which a dictionary allows while it is enumerated: no copy.
        foreach (var (id, trace) in held)
        {
            if (keep.IsMarked(id))
            {
                Release(id, write);
            }
            else if (now - trace.LastSeen >= grace && !open.IsOpen(id))
            {
                Drop(id);
            }
        }

        return write;
    }

    /// <summary>At shutdown: splits what is held into traces marked by now and traces still undecided.</summary>
    public (List<Activity> Kept, List<Activity> Undecided) Drain()
    {
        keep.Refresh();
        var kept = new List<Activity>();
        var undecided = new List<Activity>();
        foreach (var (id, trace) in held)
        {
            (keep.IsMarked(id) ? kept : undecided).AddRange(trace.Spans);
        }

        held.Clear();
        heldSpans = 0;
        return (kept, undecided);
    }

    private static ulong TraceIdBits(ActivityTraceId traceId)
    {
        Span<byte> bytes = stackalloc byte[16];
        traceId.CopyTo(bytes);
        return BinaryPrimitives.ReadUInt64BigEndian(bytes[8..]) & 0x00FF_FFFF_FFFF_FFFFUL;
    }

    private static ulong ShareThreshold(double share) =>
        share >= 1 ? ulong.MaxValue : (ulong)(Math.Max(share, 0) * (1UL << 56));

    private void Hold(ActivityTraceId id, Activity span, DateTimeOffset now)
    {
        if (!held.TryGetValue(id, out var trace))
        {
            trace = new HeldTrace();
            held[id] = trace;
        }

        trace.Spans.Add(span);
        trace.LastSeen = now;
        heldSpans++;
    }

    private void Release(ActivityTraceId id, List<Activity> write)
    {
        if (held.Remove(id, out var trace))
        {
            write.AddRange(trace.Spans);
            heldSpans -= trace.Spans.Count;
        }

        Remember(id, kept: true);
    }

    private void Drop(ActivityTraceId id)
    {
        if (held.Remove(id, out var trace))
        {
            DroppedSpanCount += trace.Spans.Count;
            heldSpans -= trace.Spans.Count;
        }

        Remember(id, kept: false);
    }

    private void TrimHeld()
    {
        while (heldSpans > maxHeldSpans && held.Count > 0)
        {
            var oldest = held.MinBy(t => t.Value.LastSeen).Key;
            Drop(oldest);
        }
    }

    private void Remember(ActivityTraceId id, bool kept)
    {
        if (decided.TryAdd(id, kept))
        {
            decidedOrder.Enqueue(id);
            if (decidedOrder.Count > RememberedDecisions)
            {
                decided.Remove(decidedOrder.Dequeue());
            }
        }
        else
        {
            decided[id] = kept;
        }
    }

    private sealed class HeldTrace
    {
        public List<Activity> Spans { get; } = [];

        public DateTimeOffset LastSeen { get; set; }
    }
}
