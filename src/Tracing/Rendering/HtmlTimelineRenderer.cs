using System.Globalization;
using System.Net;
using System.Text;
using JailCluster.Tracing.Reading;

namespace JailCluster.Tracing.Rendering;

/// <summary>
/// The browser view: one self-contained page (inline CSS, no script, no fonts, no links) with a swimlane
/// per thread, time going down, the window shaded and every row's details in its hover title.
/// </summary>
internal static class HtmlTimelineRenderer
{
    private const string Style = """
        body { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 13px;
               margin: 1.5em; color: #1d1d1f; background: #fcfcfc; }
        h1 { font-size: 16px; margin: 0 0 .3em 0; }
        .meta { color: #555; margin-bottom: 1em; }
        .outcome-panic { color: #b00020; font-weight: bold; }
        .outcome-error { color: #b35c00; font-weight: bold; }
        .outcome-clean { color: #1b7f3b; font-weight: bold; }
        table.lanes { border-collapse: collapse; width: 100%; table-layout: fixed; }
        table.lanes th { position: sticky; top: 0; background: #eef1f6; border-bottom: 2px solid #9aa5b8;
                         padding: 4px 6px; text-align: left; }
        table.lanes td { border-left: 1px solid #d6dbe4; padding: 1px 6px; vertical-align: top;
                         white-space: pre; overflow: hidden; text-overflow: ellipsis; }
        th.gutter, td.gutter { width: 1.6em; text-align: center; border-left: none; font-weight: bold; }
        td.time, table.lanes th.time { width: 7em; text-align: right; color: #666; }
        tr.window td { background: #fff4e5; }
        tr.window td.gutter { border-left: 3px solid #e07b00; }
        .ev { cursor: default; }
        .k-Enter { color: #333; }
        .k-Step { font-weight: bold; color: #0b4f9c; }
        .k-LockAcquire, .k-LockRelease { color: #6b4fa0; }
        .k-Sleep { color: #777; font-style: italic; }
        .k-FailPoint { color: #8a5a00; }
        .m-NullStore, .m-Free { background: #ffd7d7; outline: 1px solid #d33; }
        .m-FaultingLoad { background: #ffe9b3; outline: 1px solid #c80; }
        .m-Panic { background: #b00020; color: #fff; font-weight: bold; }
        .legend span { margin-right: 1.5em; padding: 0 .3em; }
        pre.backtrace { background: #f3f3f3; padding: .6em; border-left: 3px solid #b00020; }
        """;

    public static string Render(Interleaving interleaving)
    {
        var trace = interleaving.Trace;
        var html = new StringBuilder();
        html.AppendLine("<!DOCTYPE html>");
        html.AppendLine("<html lang=\"en\"><head><meta charset=\"utf-8\">");
        html.Append("<title>").Append(Encode($"{trace.Root?.Name ?? "trace"} {trace.TraceId}")).AppendLine("</title>");
        html.Append("<style>").Append(Style).AppendLine("</style></head><body>");
        AppendHeader(html, trace);
        html.AppendLine("<div class=\"legend\"><span class=\"m-NullStore\">* store of NULL / free</span>"
            + "<span class=\"m-FaultingLoad\">! faulting load</span><span class=\"m-Panic\">X panic</span>"
            + "<span style=\"background:#fff4e5\">window</span> hover a row for its details</div><br>");

        html.AppendLine("<table class=\"lanes\"><thead><tr><th class=\"gutter\"></th><th class=\"time\">ms</th>");
        foreach (var lane in interleaving.Lanes)
        {
            html.Append("<th class=\"lane\" data-lane=\"").Append(lane.Index).Append("\">")
                .Append(Encode(lane.Title)).AppendLine("</th>");
        }

        html.AppendLine("</tr></thead><tbody>");
        var start = trace.StartUnixNano;
        for (var i = 0; i < interleaving.Entries.Count; i++)
        {
            var entry = interleaving.Entries[i];
            var rowClass = interleaving.InWindow(i) ? " class=\"window\"" : "";
            var milliseconds = (entry.TimeUnixNano - Math.Min(start, entry.TimeUnixNano)) / 1_000_000.0;
            html.Append("<tr").Append(rowClass).Append("><td class=\"gutter\">").Append(Gutter(entry.Mark))
                .Append("</td><td class=\"time\">")
                .Append(milliseconds.ToString("0.000", CultureInfo.InvariantCulture))
                .Append("</td>");
            foreach (var lane in interleaving.Lanes)
            {
                html.Append("<td>");
                if (lane.Index == entry.Lane)
                {
                    html.Append("<div class=\"ev k-").Append(entry.Kind).Append(" m-").Append(entry.Mark)
                        .Append("\" title=\"").Append(Encode(Title(entry))).Append("\">")
                        .Append(' ', Math.Min(entry.Depth, 6) + (entry.Kind == InterleavingEntryKind.Enter ? 0 : 2))
                        .Append(Encode(entry.Text)).Append("</div>");
                }

                html.Append("</td>");
            }

            html.AppendLine("</tr>");
        }

        html.AppendLine("</tbody></table>");
        AppendFooter(html, interleaving);
        html.AppendLine("</body></html>");
        return html.ToString();
    }

    private static void AppendHeader(StringBuilder html, Trace trace)
    {
        var (css, outcome) = trace.Outcome switch
        {
            TraceOutcome.Panic => ("outcome-panic", $"panic {trace.PanicId}"),
            TraceOutcome.Error => ("outcome-error", "error"),
            _ => ("outcome-clean", "clean"),
        };
        html.Append("<h1>").Append(Encode(trace.Root?.Name ?? "trace"));
        if (trace.Jail is not null)
        {
            html.Append(' ').Append(Encode(trace.Jail));
        }

        html.Append(" <span class=\"").Append(css).Append("\">").Append(Encode(outcome)).AppendLine("</span></h1>");
        html.Append("<div class=\"meta\">trace ").Append(trace.TraceId)
            .Append(" &middot; start ")
            .Append(Encode(trace.Start.ToString("yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture)))
            .Append("Z &middot; duration ").Append(Encode(Interleaving.FormatDuration(trace.Duration)))
            .Append(" &middot; hosts ").Append(Encode(string.Join(", ", trace.Hosts)))
            .Append(" &middot; ").Append(trace.Spans.Count).AppendLine(" spans</div>");
    }

    private static void AppendFooter(StringBuilder html, Interleaving interleaving)
    {
        if (interleaving.CauseIndex is { } cause && interleaving.FaultIndex is { } fault)
        {
            var c = interleaving.Entries[cause];
            var f = interleaving.Entries[fault];
            html.Append("<p class=\"window-summary\">window ")
                .Append(Encode(Interleaving.FormatDuration(TraceTime.Between(c.TimeUnixNano, f.TimeUnixNano))))
                .Append(": ").Append(Encode(Describe(interleaving, c))).Append(" &rarr; ")
                .Append(Encode(Describe(interleaving, f))).AppendLine("</p>");
        }

        var panic = interleaving.Trace.PanicSpan;
        var exception = panic?.Events.LastOrDefault(e => e.Name == TracingNames.ExceptionEvent);
        if (exception is null)
        {
            return;
        }

        html.Append("<p>panic ").Append(Encode(panic!.PanicId ?? "")).Append(": ")
            .Append(Encode(exception.GetString(TracingNames.ExceptionType) ?? "")).Append(": ")
            .Append(Encode(exception.GetString(TracingNames.ExceptionMessage) ?? "")).AppendLine("</p>");
        html.Append("<pre class=\"backtrace\">KDB: stack backtrace:\n")
            .Append(Encode(exception.GetString(TracingNames.ExceptionStacktrace) ?? "")).AppendLine("</pre>");
    }

    private static string Describe(Interleaving interleaving, InterleavingEntry entry) =>
        interleaving.Describe(entry);

    private static string Title(InterleavingEntry entry)
    {
        var text = new StringBuilder();
        if (entry.Step is not null)
        {
            text.Append("step: ").Append(entry.Step).Append('\n');
        }

        foreach (var (key, value) in entry.Details)
        {
            text.Append(key).Append(": ").Append(value).Append('\n');
        }

        return text.ToString().TrimEnd('\n');
    }

    private static string Gutter(InterleavingMark mark) => mark switch
    {
        InterleavingMark.NullStore or InterleavingMark.Free => "*",
        InterleavingMark.FaultingLoad => "!",
        InterleavingMark.Panic => "X",
        _ => "",
    };

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
