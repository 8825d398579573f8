using JailCluster.Tracing.Reading;

namespace JailCluster.Tracing.Rendering;

/// <summary>Renders a trace as an interleaving of its threads, for <c>jailctl trace ID [--html FILE]</c>.</summary>
public static class InterleavingRenderer
{
    /// <summary>The default terminal width the text view fits.</summary>
    public const int DefaultWidth = 120;

    /// <summary>
    /// A text timeline: a fixed-width column per thread, time going down, fitting <paramref name="width"/>
    /// columns for up to five threads.
    /// </summary>
    public static string RenderText(Trace trace, int width = DefaultWidth) =>
        TextTimelineRenderer.Render(Interleaving.From(trace), width);

    /// <summary>A self-contained HTML page (no network access needed) with a swimlane per thread.</summary>
    public static string RenderHtml(Trace trace) => HtmlTimelineRenderer.Render(Interleaving.From(trace));
}
