using System.Globalization;
using System.Text;
using JailCluster.Tracing.Reading;

namespace JailCluster.Tracing.Rendering;

/// <summary>
/// The terminal view: a header, then one fixed-width column per lane with time going down. The two
/// leftmost columns carry the window bracket and the marks.
/// </summary>
internal static class TextTimelineRenderer
{
    private const int TimeWidth = 10;
    private const int Prefix = 2 + 1 + TimeWidth + 1;
    private const int MinimumCell = 16;
    private const int MaxIndent = 6;

    public static string Render(Interleaving interleaving, int width)
    {
        var trace = interleaving.Trace;
        var text = new StringBuilder();
        AppendHeader(text, trace);
        if (interleaving.Lanes.Count == 0)
        {
            text.AppendLine("(no kernel spans in this trace)");
            return text.ToString();
        }

        var lanes = interleaving.Lanes.Count;
        var cells = CellWidths(interleaving, width);
        var line = new StringBuilder();
        line.Append(' ', 3).Append("time (ms)".PadLeft(TimeWidth)).Append(' ');
        foreach (var lane in interleaving.Lanes)
        {
            line.Append("| ").Append(Fit(lane.Title, cells[lane.Index])).Append(' ');
        }

        text.AppendLine(line.ToString().TrimEnd());
        line.Clear().Append('-', Prefix);
        for (var i = 0; i < lanes; i++)
        {
            line.Append('+').Append('-', cells[i] + 2);
        }

        text.AppendLine(line.ToString());

        var start = trace.StartUnixNano;
        for (var i = 0; i < interleaving.Entries.Count; i++)
        {
            var entry = interleaving.Entries[i];
            line.Clear();
            line.Append(Bracket(interleaving, i)).Append(MarkOf(entry.Mark)).Append(' ');
            var since = entry.TimeUnixNano - Math.Min(start, entry.TimeUnixNano);
            line.Append(Milliseconds(since).PadLeft(TimeWidth)).Append(' ');
            for (var lane = 0; lane < lanes; lane++)
            {
                var content = lane == entry.Lane ? Indent(entry) + entry.Text : "";
                line.Append("| ").Append(Fit(content, cells[lane])).Append(' ');
            }

            text.AppendLine(line.ToString().TrimEnd());
        }

        AppendFooter(text, interleaving);
        return text.ToString();
    }

    /// <summary>
    /// Each lane as wide as its widest cell when all fit; otherwise the widest lanes are narrowed to a common
    /// cap, never below <see cref="MinimumCell"/>, so a short lane (a <c>jail -r</c>) leaves room to the others.
    /// </summary>
    private static int[] CellWidths(Interleaving interleaving, int width)
    {
        var wanted = interleaving.Lanes.Select(l => l.Title.Length).ToArray();
        foreach (var entry in interleaving.Entries)
        {
            wanted[entry.Lane] = Math.Max(wanted[entry.Lane], Indent(entry).Length + entry.Text.Length);
        }

        var available = width - Prefix - (3 * wanted.Length);
        var cap = wanted.Max();
        while (cap > MinimumCell && wanted.Sum(w => Math.Min(w, cap)) > available)
        {
            cap--;
        }

        return [.. wanted.Select(w => Math.Max(Math.Min(w, cap), Math.Min(MinimumCell, w)))];
    }

    private static void AppendHeader(StringBuilder text, Trace trace)
    {
        var root = trace.Root;
        var outcome = trace.Outcome switch
        {
            TraceOutcome.Panic => $"PANIC {trace.PanicId}",
            TraceOutcome.Error => "ERROR",
            _ => "clean",
        };
        var jail = trace.Jail is null ? "" : $" ({trace.Jail})";
        text.AppendLine(CultureInfo.InvariantCulture,
            $"trace {trace.TraceId}  {root?.Name ?? "?"}{jail}  {outcome}");
        text.AppendLine(CultureInfo.InvariantCulture,
            $"start {trace.Start:yyyy-MM-dd HH:mm:ss.ffffff}Z  duration {Interleaving.FormatDuration(trace.Duration)}  "
            + $"hosts {string.Join(",", trace.Hosts)}  spans {trace.Spans.Count}");
        text.AppendLine();
    }

    private static void AppendFooter(StringBuilder text, Interleaving interleaving)
    {
        text.AppendLine();
        text.AppendLine(
            "marks: * store of NULL or free   ! faulting load   X panic   + | + window from store/free to load");
        if (interleaving.CauseIndex is { } cause && interleaving.FaultIndex is { } fault)
        {
            var c = interleaving.Entries[cause];
            var f = interleaving.Entries[fault];
            var window = TraceTime.Between(c.TimeUnixNano, f.TimeUnixNano);
            text.AppendLine(CultureInfo.InvariantCulture, $"window {Interleaving.FormatDuration(window)}");
            text.AppendLine(CultureInfo.InvariantCulture, $"  from {Describe(interleaving, c)}");
            text.AppendLine(CultureInfo.InvariantCulture, $"  to   {Describe(interleaving, f)}");
        }

        var panic = interleaving.Trace.PanicSpan;
        var exception = panic?.Events.LastOrDefault(e => e.Name == TracingNames.ExceptionEvent);
        if (exception is null)
        {
            return;
        }

        var type = exception.GetString(TracingNames.ExceptionType);
        text.AppendLine(CultureInfo.InvariantCulture, $"panic {panic!.PanicId}: {type}");
        var messages = exception.GetString(TracingNames.ExceptionMessage)?.Split('\n') ?? [];
        foreach (var message in messages)
        {
            text.Append("  ").AppendLine(message.TrimEnd('\r'));
        }

        var backtrace = exception.GetString(TracingNames.ExceptionStacktrace);
        if (backtrace is not null)
        {
            text.AppendLine("KDB: stack backtrace:");
            foreach (var frame in backtrace.Split('\n'))
            {
                text.Append("  ").AppendLine(frame.TrimEnd('\r'));
            }
        }
    }

    private static string Describe(Interleaving interleaving, InterleavingEntry entry) =>
        interleaving.Describe(entry);

    private static char Bracket(Interleaving interleaving, int index) =>
        !interleaving.InWindow(index) ? ' '
        : index == interleaving.CauseIndex || index == interleaving.FaultIndex ? '+'
        : '|';

    private static char MarkOf(InterleavingMark mark) => mark switch
    {
        InterleavingMark.NullStore or InterleavingMark.Free => '*',
        InterleavingMark.FaultingLoad => '!',
        InterleavingMark.Panic => 'X',
        _ => ' ',
    };

    private static string Indent(InterleavingEntry entry)
    {
        var depth = Math.Min(entry.Depth, MaxIndent);
        return entry.Kind == InterleavingEntryKind.Enter ? new string(' ', depth) : new string(' ', depth + 2);
    }

    private static string Milliseconds(ulong nanoseconds) =>
        (nanoseconds / 1_000_000.0).ToString("0.000", CultureInfo.InvariantCulture);

    private static string Fit(string text, int width) =>
        text.Length <= width ? text.PadRight(width) : string.Concat(text.AsSpan(0, width - 1), "~");
}
