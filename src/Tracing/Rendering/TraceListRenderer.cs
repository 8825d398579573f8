using System.Globalization;
using System.Text;
using JailCluster.Tracing.Reading;

namespace JailCluster.Tracing.Rendering;

/// <summary>Renders trace summaries as a table, for <c>jailctl trace --list</c>.</summary>
public static class TraceListRenderer
{
    /// <summary>One line per trace: id, start, duration, outcome, panic id, root span, jail, hosts.</summary>
    public static string RenderText(IEnumerable<TraceSummary> traces)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture,
            $"{"TRACE",-32}  {"START (UTC)",-23}  {"DURATION",12}  {"OUTCOME",-7}  "
            + $"{"PANIC",-12}  {"ROOT",-16}  {"JAIL",-10}  HOSTS");
        foreach (var t in traces)
        {
            var outcome = t.Outcome.ToString().ToLowerInvariant();
            var duration = Interleaving.FormatDuration(t.Duration);
            var hosts = string.Join(",", t.Hosts);
            text.AppendLine(CultureInfo.InvariantCulture,
                $"{t.TraceId,-32}  {t.Start:yyyy-MM-dd HH:mm:ss.fff}  {duration,12}  {outcome,-7}  "
                + $"{t.PanicId ?? "-",-12}  {Clip(t.RootName, 16),-16}  {Clip(t.Jail ?? "-", 10),-10}  {hosts}");
        }

        return text.ToString();
    }

    private static string Clip(string text, int width) =>
        text.Length <= width ? text : string.Concat(text.AsSpan(0, width - 1), "~");
}
