using System.Diagnostics;
using System.Text.Json;
using JailCluster.Telemetry;
using JailCluster.Tracing.Dashboard;
using JailCluster.Tracing.Export;
using JailCluster.Tracing.Reading;
using JailCluster.Tracing.Tests.Support;
using Trace = JailCluster.Tracing.Reading.Trace;

namespace JailCluster.Tracing.Tests;

public sealed class AspireDashboardTests : IClassFixture<AspireDashboardFixture>, IDisposable
{
    private readonly AspireDashboard dashboard;
    private readonly TempDirectory directory = new();
    private readonly HttpClient http = new();

    public AspireDashboardTests(AspireDashboardFixture fixture)
    {
        dashboard = fixture.Dashboard;
    }

    public void Dispose()
    {
        http.Dispose();
        directory.Dispose();
    }

    [Fact]
    public async Task TraceFilePostedToTheDashboardComesBackWithItsSpansParentsEventsAndLinks()
    {
        var teardown = Recording.Record(directory.Path, TraceSampling.All, 0, ("alcatraz", true)).Single();
        var traceId = teardown.TraceId.ToHexString();
        var recorded = new TraceStore(directory.Path).FindByTraceId(traceId)!;
        var files = directory.Files("*" + TraceFileNames.SpansExtension)
            .Where(f => !TraceFileNames.IsHeld(f))
            .ToList();
        Assert.NotEmpty(files);

        var sent = 0;
        foreach (var file in files)
        {
            sent += (await TraceReplayer.ReplayFileAsync(file, dashboard.OtlpHttpEndpoint, http)).Spans;
        }

        var shown = await ReadTraceAsync(traceId);
        Assert.Equal(recorded.Spans.Count, sent);
        AssertSameSpans(recorded, shown);
        var panic = shown.FindSpan(teardown.PanicSpanId.ToHexString())!;
        Assert.Equal(TraceStatusCode.Error, panic.Status);
        Assert.Equal(teardown.StoreNullSpanId.ToHexString(), Assert.Single(panic.Links).SpanId);
        Assert.Equal(
            SyntheticTeardown.Backtrace,
            panic.Events.Single(e => e.Name == TracingNames.ExceptionEvent)
                .GetString(TracingNames.ExceptionStacktrace));
    }

    [Fact]
    public async Task EveryTraceOfAStoreReplayedToTheDashboardComesBackWhole()
    {
        var teardowns = Recording.Record(
            directory.Path, TraceSampling.All, 0, ("clean-jail", false), ("panicking-jail", true));
        var store = new TraceStore(directory.Path);

        var result = await TraceReplayer.ReplayAsync(store, dashboard.OtlpHttpEndpoint, http);

        Assert.Equal(2, result.Traces);
        Assert.Equal(0, result.SkippedLines);
        foreach (var teardown in teardowns)
        {
            var traceId = teardown.TraceId.ToHexString();
            AssertSameSpans(store.FindByTraceId(traceId)!, await ReadTraceAsync(traceId));
        }
    }

    [Fact]
    public async Task SpansOfARunningProcessReachTheDashboardLiveOverOtlpGrpc()
    {
        var previous = Environment.GetEnvironmentVariable(TracingNames.OtlpEndpointVariable);
        Environment.SetEnvironmentVariable(
            TracingNames.OtlpEndpointVariable, dashboard.OtlpGrpcEndpoint.GetLeftPart(UriPartial.Authority));
        SyntheticTeardown teardown;
        try
        {
            using var client = new ActivitySource(TelemetryNames.ClientSource);
            using var kernel = new ActivitySource(TelemetryNames.KernelSource);
            using (Recording.Provider(directory.Path, TraceSampling.Off))
            {
                teardown = new SyntheticTeardown(client, kernel, Recording.T0).Record("live-jail", panic: true);
            }
        }
        finally
        {
            Environment.SetEnvironmentVariable(TracingNames.OtlpEndpointVariable, previous);
        }

        var shown = await ReadTraceAsync(teardown.TraceId.ToHexString());

        Assert.Empty(directory.Files("*"));
        Assert.Equal(8, shown.Spans.Count);
        Assert.Equal("teardown jail", shown.Root?.Name);
        Assert.Equal(SyntheticTeardown.PanicId, shown.PanicId);
        var panic = shown.FindSpan(teardown.PanicSpanId.ToHexString())!;
        Assert.Equal(teardown.StoreNullSpanId.ToHexString(), Assert.Single(panic.Links).SpanId);
    }

    private async Task<Trace> ReadTraceAsync(string traceId)
    {
        using var response = await http.GetAsync(new Uri(dashboard.Url, $"api/telemetry/traces/{traceId}"));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET trace {traceId}: {(int)response.StatusCode} {body}");
        using var document = JsonDocument.Parse(body);
        var spans = OtlpJsonReader.ReadTracesData(document.RootElement.GetProperty("data").GetRawText());
        return new Trace(traceId, spans);
    }

    private static void AssertSameSpans(Trace expected, Trace actual)
    {
        Assert.Equal(
            expected.Spans.Select(s => s.SpanId).Order(StringComparer.Ordinal),
            actual.Spans.Select(s => s.SpanId).Order(StringComparer.Ordinal));
        foreach (var want in expected.Spans)
        {
            var got = actual.FindSpan(want.SpanId)!;
            Assert.Equal(want.Name, got.Name);
            Assert.Equal(want.ParentSpanId, got.ParentSpanId);
            Assert.Equal(want.Scope, got.Scope);
            Assert.Equal(want.StartUnixNano, got.StartUnixNano);
            Assert.Equal(want.EndUnixNano, got.EndUnixNano);
            Assert.Equal(want.Status, got.Status);
            Assert.Equal(want.ServiceName, got.ServiceName);
            Assert.Equal(Text(want.Attributes), Text(got.Attributes));
            Assert.Equal(
                want.Events.Select(e => (e.Name, e.TimeUnixNano, Text(e.Attributes))),
                got.Events.Select(e => (e.Name, e.TimeUnixNano, Text(e.Attributes))));
            Assert.Equal(
                want.Links.Select(l => (l.TraceId, l.SpanId)),
                got.Links.Select(l => (l.TraceId, l.SpanId)));
        }
    }

    // The dashboard keeps attribute values as text, so values compare as text.
    private static string Text(IReadOnlyDictionary<string, object?> attributes) =>
        string.Join("\n", attributes
            .OrderBy(a => a.Key, StringComparer.Ordinal)
            .Select(a => a.Key + "=" + TraceAttributes.Format(a.Value)));
}
