using JailCluster.Tracing.Dashboard;
using JailCluster.Tracing.Export;
using JailCluster.Tracing.Reading;
using JailCluster.Tracing.Tests.Support;

namespace JailCluster.Tracing.Tests;

public sealed class OtlpTraceSpanWriterTests : IDisposable
{
    private readonly TempDirectory directory = new();

    public void Dispose() => directory.Dispose();

    [Fact]
    public void TraceReencodedForReplayReadsBackAsTheSameSpans()
    {
        Recording.Record(directory.Path, TraceSampling.All, 0, ("alcatraz", true));
        var trace = new TraceStore(directory.Path).Find(SyntheticTeardown.PanicId)!;

        var json = System.Text.Encoding.UTF8.GetString(OtlpTraceSpanWriter.ToUtf8Json(trace.Spans));
        var spans = OtlpJsonReader.ReadTracesData(json);

        Assert.Equal(trace.Spans.Count, spans.Count);
        foreach (var span in spans)
        {
            var original = trace.FindSpan(span.SpanId)!;
            Assert.Equal(original with { Attributes = span.Attributes, Events = span.Events, Links = span.Links,
                Resource = span.Resource }, span);
            Assert.Equal(original.Attributes, span.Attributes);
            Assert.Equal(original.Resource, span.Resource);
            Assert.Equal(
                original.Events.Select(e => (e.Name, e.TimeUnixNano, e.Attributes.ToList())),
                span.Events.Select(e => (e.Name, e.TimeUnixNano, e.Attributes.ToList())));
            Assert.Equal(
                original.Links.Select(l => (l.TraceId, l.SpanId)),
                span.Links.Select(l => (l.TraceId, l.SpanId)));
        }
    }
}
