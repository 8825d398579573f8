using System.Globalization;
using System.Text.Json;
using JailCluster.Telemetry;
using JailCluster.Tracing.Export;
using JailCluster.Tracing.Tests.Support;

namespace JailCluster.Tracing.Tests;

public sealed class TraceFileExporterTests : IDisposable
{
    private readonly TempDirectory directory = new();

    public void Dispose() => directory.Dispose();

    [Fact]
    public void EveryLineIsOtlpTracesDataWithResolvableParents()
    {
        var teardown = Recording.Record(directory.Path, TraceSampling.All, 0, ("alcatraz", true)).Single();

        var file = Assert.Single(directory.Files("*.jsonl"));
        Assert.Equal($"{Recording.Service}-{Environment.ProcessId}.jsonl", Path.GetFileName(file));
        var spans = File.ReadAllLines(file)
            .SelectMany(line => OtlpShape.AssertTracesData(JsonDocument.Parse(line).RootElement))
            .ToList();

        Assert.Equal(8, spans.Count);
        var ids = spans.Select(s => s.Span.GetProperty("spanId").GetString()).ToHashSet();
        Assert.Equal(8, ids.Count);
        Assert.All(spans, s => Assert.Equal(teardown.TraceId.ToHexString(), s.Span.GetProperty("traceId").GetString()));
        var roots = spans.Where(s => !s.Span.TryGetProperty("parentSpanId", out _)).ToList();
        Assert.Equal("teardown jail", Assert.Single(roots).Span.GetProperty("name").GetString());
        Assert.All(
            spans.Where(s => s.Span.TryGetProperty("parentSpanId", out _)),
            s => Assert.Contains(s.Span.GetProperty("parentSpanId").GetString(), ids));

        var resource = spans[0].Resource;
        Assert.Equal(Recording.Service, OtlpShape.Attribute(resource, "service.name"));
        Assert.Equal("test-instance", OtlpShape.Attribute(resource, "service.instance.id"));
        Assert.Equal(Environment.ProcessId.ToString(CultureInfo.InvariantCulture),
            OtlpShape.Attribute(resource, "process.pid"));
    }

    [Fact]
    public void PanicSpanCarriesErrorStatusExceptionEventAndLinkToTheStoreOfNull()
    {
        var teardown = Recording.Record(directory.Path, TraceSampling.All, 0, ("alcatraz", true)).Single();

        var panic = File.ReadAllLines(Assert.Single(directory.Files("*.jsonl")))
            .SelectMany(line => OtlpShape.AssertTracesData(JsonDocument.Parse(line).RootElement))
            .Select(s => s.Span)
            .Single(s => s.GetProperty("name").GetString() == "epair_qflush");

        Assert.Equal(teardown.PanicSpanId.ToHexString(), panic.GetProperty("spanId").GetString());
        Assert.Equal(2, panic.GetProperty("status").GetProperty("code").GetInt32());
        Assert.Equal(SyntheticTeardown.PanicId, OtlpShape.Attribute(panic, TelemetryNames.PanicId));
        Assert.Equal("100012", OtlpShape.Attribute(panic, TelemetryNames.ThreadId));
        var link = Assert.Single(panic.GetProperty("links").EnumerateArray());
        Assert.Equal(teardown.StoreNullSpanId.ToHexString(), link.GetProperty("spanId").GetString());
        var exception = panic.GetProperty("events").EnumerateArray()
            .Single(e => e.GetProperty("name").GetString() == "exception");
        Assert.Equal(SyntheticTeardown.Backtrace, OtlpShape.Attribute(exception, "exception.stacktrace"));
        var t0 = (ulong)(Recording.T0 - DateTime.UnixEpoch).Ticks * 100;
        Assert.Equal(
            (t0 + 1_020_000).ToString(CultureInfo.InvariantCulture),
            exception.GetProperty("timeUnixNano").GetString());
    }

    [Fact]
    public void TextIsEscapedOnlyWhereJsonRequiresIt()
    {
        Recording.Record(directory.Path, TraceSampling.All, 0, ("alcatraz", true));

        var text = File.ReadAllText(Assert.Single(directory.Files("*.jsonl")));

        Assert.Contains("at kdb_backtrace+0x61\\n#1", text, StringComparison.Ordinal);
    }

    [Fact]
    public void SamplingOffCreatesNoSpanAndWritesNothing()
    {
        using var client = new System.Diagnostics.ActivitySource(TelemetryNames.ClientSource);
        using (Recording.Provider(directory.Path, TraceSampling.Off))
        {
            using var span = client.StartActivity("teardown jail");
            Assert.Null(span);
        }

        Assert.Empty(directory.Files("*"));
    }
}
