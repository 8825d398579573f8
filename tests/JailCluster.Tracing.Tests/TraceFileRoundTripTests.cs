using System.Diagnostics;
using JailCluster.Telemetry;
using JailCluster.Tracing.Export;
using JailCluster.Tracing.Hosting;
using JailCluster.Tracing.Reading;
using JailCluster.Tracing.Tests.Support;
using OpenTelemetry;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace JailCluster.Tracing.Tests;

public sealed class TraceFileRoundTripTests : IDisposable
{
    private readonly TempDirectory directory = new();

    public void Dispose() => directory.Dispose();

    [Fact]
    public void TraceReadFromTheFileHoldsEverySpanEventLinkAndStatusTheSdkRecorded()
    {
        var recorded = new List<Activity>();
        using var client = new ActivitySource(TelemetryNames.ClientSource);
        using var kernel = new ActivitySource(TelemetryNames.KernelSource);
        SyntheticTeardown teardown;
        using (Sdk.CreateTracerProviderBuilder()
            .SetResourceBuilder(ResourceBuilder.CreateDefault().ConfigureJailClusterResource("silo-test", "silo-1"))
            .AddSource(TelemetryNames.ClientSource, TelemetryNames.KernelSource)
            .AddInMemoryExporter(recorded)
            .AddJailClusterTraceFiles(o =>
            {
                o.Directory = directory.Path;
                o.Sampling = TraceSampling.All;
            })
            .Build())
        {
            teardown = new SyntheticTeardown(client, kernel, Recording.T0).Record("alcatraz", panic: true);
        }

        var trace = new TraceStore(directory.Path).FindByTraceId(teardown.TraceId.ToHexString());

        Assert.NotNull(trace);
        Assert.Equal(recorded.Count, trace.Spans.Count);
        foreach (var expected in recorded)
        {
            var span = trace.FindSpan(expected.SpanId.ToHexString());
            Assert.NotNull(span);
            Assert.Equal(expected.DisplayName, span.Name);
            var parent = expected.ParentSpanId == default ? null : expected.ParentSpanId.ToHexString();
            Assert.Equal(parent, span.ParentSpanId);
            Assert.Equal(expected.Source.Name, span.Scope);
            Assert.Equal(new DateTimeOffset(expected.StartTimeUtc, TimeSpan.Zero), span.Start);
            Assert.Equal(expected.Duration, span.Duration);
            Assert.Equal((int)expected.Status, (int)span.Status);
            Assert.Equal("silo-test", span.ServiceName);
            Assert.Equal(
                expected.TagObjects.Select(t => (t.Key, Text(t.Value))),
                span.Attributes.Select(a => (a.Key, Text(a.Value))));
            Assert.Equal(
                expected.Events.Select(e => (e.Name, e.Timestamp, e.Tags.Select(t => (t.Key, Text(t.Value))).ToList())),
                span.Events.Select(e => (e.Name, TraceTime.FromUnixNano(e.TimeUnixNano),
                    e.Attributes.Select(a => (a.Key, Text(a.Value))).ToList())),
                new EventComparer());
            Assert.Equal(
                expected.Links.Select(l => (l.Context.TraceId.ToHexString(), l.Context.SpanId.ToHexString())),
                span.Links.Select(l => (l.TraceId, l.SpanId)));
        }
    }

    private static string? Text(object? value) => value switch
    {
        null => null,
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    private sealed class EventComparer
        : IEqualityComparer<(string Name, DateTimeOffset Time, List<(string, string?)> Attributes)>
    {
        public bool Equals(
            (string Name, DateTimeOffset Time, List<(string, string?)> Attributes) x,
            (string Name, DateTimeOffset Time, List<(string, string?)> Attributes) y) =>
            x.Name == y.Name && x.Time == y.Time && x.Attributes.SequenceEqual(y.Attributes);

        public int GetHashCode((string Name, DateTimeOffset Time, List<(string, string?)> Attributes) obj) =>
            HashCode.Combine(obj.Name, obj.Time);
    }
}
