using System.Globalization;
using JailCluster.Telemetry;
using JailCluster.Tracing.Reading;

namespace JailCluster.Tracing.Rendering;

/// <summary>
/// One trace laid out as thread lanes with time going down: a row per span entry and per span event, the
/// store of NULL or the free and the faulting load marked, and the window between them. Spans without a
/// thread (the client's, Orleans' grain calls) have no lane.
/// </summary>
public sealed class Interleaving
{
    private Interleaving(Trace trace, IReadOnlyList<InterleavingLane> lanes, IReadOnlyList<InterleavingEntry> entries)
    {
        Trace = trace;
        Lanes = lanes;
        Entries = entries;
    }

    /// <summary>The trace shown.</summary>
    public Trace Trace { get; }

    /// <summary>Lanes, left to right, by first appearance.</summary>
    public IReadOnlyList<InterleavingLane> Lanes { get; }

    /// <summary>Rows in time order.</summary>
    public IReadOnlyList<InterleavingEntry> Entries { get; }

    /// <summary>Index in <see cref="Entries"/> of the store of NULL or the free the fault traces back to.</summary>
    public int? CauseIndex { get; private set; }

    /// <summary>Index in <see cref="Entries"/> of the faulting load (the panic when no load was recorded).</summary>
    public int? FaultIndex { get; private set; }

    /// <summary>Index of the panic row.</summary>
    public int? PanicIndex { get; private set; }

    /// <summary>True when row <paramref name="index"/> lies in the window from cause to faulting load.</summary>
    public bool InWindow(int index) => CauseIndex <= index && index <= FaultIndex;

    /// <summary>Lays out <paramref name="trace"/>.</summary>
    public static Interleaving From(Trace trace)
    {
        var laneOf = AssignLanes(trace, out var lanes);
        var rows = new List<(InterleavingEntry Entry, int Sequence, TraceEvent? Event)>();
        foreach (var span in trace.Spans)
        {
            if (!laneOf.TryGetValue(span.SpanId, out var lane))
            {
                continue;
            }

            var depth = Depth(trace, span, laneOf, lane);
            rows.Add((Enter(span, lane, depth), rows.Count, null));
            foreach (var e in span.Events)
            {
                rows.Add((FromEvent(span, e, lane, depth), rows.Count, e));
            }
        }

        rows.Sort((a, b) => a.Entry.TimeUnixNano != b.Entry.TimeUnixNano
            ? a.Entry.TimeUnixNano.CompareTo(b.Entry.TimeUnixNano)
            : a.Sequence.CompareTo(b.Sequence));

        var entries = WithSteps(rows.Select(r => r.Entry).ToList(), lanes.Count);
        var interleaving = new Interleaving(trace, lanes, entries);
        interleaving.MarkPanic(entries, rows.Select(r => r.Event).ToList());
        return interleaving;
    }

    /// <summary>True for a pointer value that is NULL (<c>0x0</c>, <c>0</c>, <c>NULL</c>).</summary>
    public static bool IsNull(string? value)
    {
        if (value is null)
        {
            return false;
        }

        var text = value.Trim();
        if (text.Equals("NULL", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (text.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            return ulong.TryParse(text[2..], NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var hex)
                && hex == 0;
        }

        return ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number == 0;
    }

    /// <summary>
    /// Only spans that name their thread (the kernel's) get a lane and rows; the client's spans and Orleans'
    /// grain-call spans in between are left out of the timeline.
    /// </summary>
    private static Dictionary<string, int> AssignLanes(Trace trace, out List<InterleavingLane> lanes)
    {
        var laneOf = new Dictionary<string, int>(StringComparer.Ordinal);
        var byKey = new Dictionary<(string, string, string), int>();
        lanes = [];
        foreach (var span in trace.Spans)
        {
            if (span.ThreadName is null)
            {
                continue;
            }

            var key = (span.Host ?? "", span.ThreadName, span.ThreadId ?? "");
            if (!byKey.TryGetValue(key, out var lane))
            {
                lane = lanes.Count;
                byKey[key] = lane;
                lanes.Add(new InterleavingLane(lane, key.Item1, key.Item2, key.Item3));
            }

            laneOf[span.SpanId] = lane;
        }

        return laneOf;
    }

    /// <summary>How many ancestors in the same lane the span has, looking through spans without a lane.</summary>
    private static int Depth(Trace trace, TraceSpan span, Dictionary<string, int> laneOf, int lane)
    {
        var depth = 0;
        var seen = new HashSet<string>(StringComparer.Ordinal) { span.SpanId };
        var current = span;
        while (current.ParentSpanId is not null
            && trace.FindSpan(current.ParentSpanId) is { } parent
            && seen.Add(parent.SpanId))
        {
            if (laneOf.TryGetValue(parent.SpanId, out var parentLane))
            {
                if (parentLane != lane)
                {
                    break;
                }

                depth++;
            }

            current = parent;
        }

        return depth;
    }

    private static InterleavingEntry Enter(TraceSpan span, int lane, int depth)
    {
        var details = new List<KeyValuePair<string, string>>
        {
            new("function", span.Name),
            new("span", span.SpanId),
            new("duration", FormatDuration(span.Duration)),
        };
        if (span.Status != TraceStatusCode.Unset)
        {
            var status = span.StatusMessage is null ? $"{span.Status}" : $"{span.Status}: {span.StatusMessage}";
            details.Add(new("status", status));
        }

        details.AddRange(Formatted(span.Attributes));
        return new InterleavingEntry
        {
            Lane = lane,
            TimeUnixNano = span.StartUnixNano,
            Kind = InterleavingEntryKind.Enter,
            Text = "> " + span.Name,
            SpanName = span.Name,
            SpanId = span.SpanId,
            Depth = depth,
            Details = details,
        };
    }

    private static InterleavingEntry FromEvent(TraceSpan span, TraceEvent e, int lane, int depth)
    {
        var obj = ShortObject(e.GetString(TelemetryNames.MemObject));
        var field = e.GetString(TelemetryNames.MemField);
        var place = field is null ? obj : $"{obj}.{field}";
        var value = e.GetString(TelemetryNames.MemValue);
        var shown = IsNull(value) ? "NULL" : value;
        var freed = e.GetString(TelemetryNames.MemFreed) == "true" ? " (freed)" : "";
        var step = e.GetString(TelemetryNames.Step);
        var lockName = e.GetString(TelemetryNames.LockName);
        var sleep = e.GetString(TelemetryNames.SleepMicros);
        var (kind, text) = e.Name switch
        {
            TelemetryNames.Events.Step => (InterleavingEntryKind.Step, $"[{step}] {span.Name}"),
            TelemetryNames.Events.Load => (InterleavingEntryKind.Load, $"load {place} = {shown}{freed}"),
            TelemetryNames.Events.Store => (InterleavingEntryKind.Store, $"store {place} = {shown}{freed}"),
            TelemetryNames.Events.Free => (InterleavingEntryKind.Free, $"free {place}{freed}"),
            TelemetryNames.Events.LockAcquire => (InterleavingEntryKind.LockAcquire, $"lock {lockName}"),
            TelemetryNames.Events.LockRelease => (InterleavingEntryKind.LockRelease, $"unlock {lockName}"),
            TelemetryNames.Events.Sleep => (InterleavingEntryKind.Sleep, $"sleep {sleep} us"),
            TelemetryNames.Events.FailPoint => (InterleavingEntryKind.FailPoint,
                $"fail point {e.GetString(TelemetryNames.FailPoint)}: {e.GetString(TelemetryNames.FailPointAction)}"),
            TracingNames.ExceptionEvent => (InterleavingEntryKind.Panic,
                $"PANIC {e.GetString(TracingNames.ExceptionType) ?? e.GetString(TracingNames.ExceptionMessage)}"),
            _ => (InterleavingEntryKind.Other, e.Name),
        };

        var details = new List<KeyValuePair<string, string>>
        {
            new("event", e.Name),
            new("function", span.Name),
            new("span", span.SpanId),
        };
        details.AddRange(Formatted(e.Attributes));
        var mark = kind switch
        {
            InterleavingEntryKind.Store when IsNull(value) => InterleavingMark.NullStore,
            InterleavingEntryKind.Free => InterleavingMark.Free,
            _ => InterleavingMark.None,
        };
        return new InterleavingEntry
        {
            Lane = lane,
            TimeUnixNano = e.TimeUnixNano,
            Kind = kind,
            Text = text,
            SpanName = span.Name,
            SpanId = span.SpanId,
            Depth = depth,
            Mark = mark,
            Details = details,
        };
    }

    private static IEnumerable<KeyValuePair<string, string>> Formatted(
        IReadOnlyDictionary<string, object?> attributes) =>
        attributes.Select(a => new KeyValuePair<string, string>(a.Key, TraceAttributes.Format(a.Value) ?? ""));

    /// <summary><c>ifnet epair0b@0xfffff80003a4c000</c> reads as <c>epair0b</c>; details keep the address.</summary>
    private static string ShortObject(string? obj)
    {
        if (string.IsNullOrEmpty(obj))
        {
            return "?";
        }

        var name = obj.Split('@')[0].Trim();
        var space = name.LastIndexOf(' ');
        return space < 0 ? name : name[(space + 1)..];
    }

    private static List<InterleavingEntry> WithSteps(List<InterleavingEntry> entries, int laneCount)
    {
        var current = new string?[laneCount];
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            if (entry.Kind == InterleavingEntryKind.Step)
            {
                current[entry.Lane] = entry.Details.FirstOrDefault(d => d.Key == TelemetryNames.Step).Value;
            }

            entries[i] = entry with { Step = current[entry.Lane] };
        }

        return entries;
    }

    /// <summary>
    /// Finds the faulting load and what it read: a load of NULL leads to the last store of NULL into the same
    /// field, a load of freed memory to the last free of the same object; failing that, the last store of
    /// NULL or free in a span the panic links to, or anywhere in the trace.
    /// </summary>
    private void MarkPanic(List<InterleavingEntry> entries, List<TraceEvent?> events)
    {
        var panicSpan = Trace.PanicSpan;
        var panic = entries.FindIndex(e => e.Kind == InterleavingEntryKind.Panic
            && (panicSpan is null || e.SpanId == panicSpan.SpanId));
        if (panic >= 0)
        {
            PanicIndex = panic;
            entries[panic] = entries[panic] with { Mark = InterleavingMark.Panic };
        }
        else if (panicSpan is not null)
        {
            // A panic span without an exception event: its last row stands for the trap.
            panic = entries.FindLastIndex(e => e.SpanId == panicSpan.SpanId);
        }

        if (panic < 0)
        {
            MarkFreedAccess(entries, events);
            return;
        }

        var spanId = entries[panic].SpanId;
        var loads = Enumerable.Range(0, panic + 1)
            .Where(i => entries[i].SpanId == spanId && entries[i].Kind == InterleavingEntryKind.Load)
            .ToList();
        var fault = loads.Count > 0 ? loads[^1] : panic;
        FaultIndex = fault;
        var culprit = loads.LastOrDefault(i => IsNull(events[i]?.GetString(TelemetryNames.MemValue))
            || events[i]?.GetString(TelemetryNames.MemFreed) == "true", -1);
        foreach (var i in loads.Where(i => i == fault || i == culprit))
        {
            entries[i] = entries[i] with { Mark = InterleavingMark.FaultingLoad };
        }

        var cause = culprit >= 0 ? MatchingCause(entries, events, culprit) : -1;
        if (cause < 0)
        {
            var linked = Trace.PanicSpan?.Links.Select(l => l.SpanId).ToHashSet(StringComparer.Ordinal) ?? [];
            cause = LastCause(entries, fault, i => linked.Contains(entries[i].SpanId));
        }

        if (cause < 0)
        {
            cause = LastCause(entries, fault, _ => true);
        }

        CauseIndex = cause >= 0 ? cause : null;
    }

    /// <summary>
    /// Without a panic, the damage cases still have a shape worth bracketing: the first load or store that
    /// touched freed memory, and the free it traces back to.
    /// </summary>
    private void MarkFreedAccess(List<InterleavingEntry> entries, List<TraceEvent?> events)
    {
        var access = entries.FindIndex(e => e.Kind is InterleavingEntryKind.Load or InterleavingEntryKind.Store);
        while (access >= 0 && events[access]?.GetString(TelemetryNames.MemFreed) != "true")
        {
            access = entries.FindIndex(
                access + 1, e => e.Kind is InterleavingEntryKind.Load or InterleavingEntryKind.Store);
        }

        if (access < 0)
        {
            return;
        }

        FaultIndex = access;
        entries[access] = entries[access] with { Mark = InterleavingMark.FaultingLoad };
        var cause = MatchingCause(entries, events, access);
        CauseIndex = cause >= 0 ? cause : null;
    }

    private static int MatchingCause(List<InterleavingEntry> entries, List<TraceEvent?> events, int load)
    {
        var read = events[load]!;
        var obj = read.GetString(TelemetryNames.MemObject);
        var field = read.GetString(TelemetryNames.MemField);
        var freed = read.GetString(TelemetryNames.MemFreed) == "true";
        for (var i = load - 1; i >= 0; i--)
        {
            var e = events[i];
            if (e is null || e.GetString(TelemetryNames.MemObject) != obj)
            {
                continue;
            }

            if (freed && entries[i].Mark == InterleavingMark.Free)
            {
                return i;
            }

            var sameField = e.GetString(TelemetryNames.MemField) == field;
            if (!freed && entries[i].Mark == InterleavingMark.NullStore && sameField)
            {
                return i;
            }
        }

        return -1;
    }

    private static int LastCause(List<InterleavingEntry> entries, int before, Func<int, bool> where)
    {
        for (var i = before - 1; i >= 0; i--)
        {
            if (entries[i].Mark is InterleavingMark.NullStore or InterleavingMark.Free && where(i))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>A row in words: step, text, function and thread, for the window summary.</summary>
    internal string Describe(InterleavingEntry entry)
    {
        var step = entry.Step is null ? "" : entry.Step + " ";
        return $"{step}{entry.Text} in {entry.SpanName} ({Lanes[entry.Lane].Title})";
    }

    internal static string FormatDuration(TimeSpan duration) =>
        duration.TotalMilliseconds.ToString("0.000", CultureInfo.InvariantCulture) + " ms";
}
