using JailCluster.Tracing.Export;
using JailCluster.Tracing.Reading;
using JailCluster.Tracing.Tests.Support;

namespace JailCluster.Tracing.Tests;

public sealed class TraceStoreTests : IDisposable
{
    private readonly TempDirectory directory = new();

    public void Dispose() => directory.Dispose();

    [Fact]
    public void ListShowsEachTeardownWithRootHostsDurationAndOutcomeNewestFirst()
    {
        var recorded = Recording.Record(directory.Path, TraceSampling.All, 0, ("singsing", false), ("alcatraz", true));

        var listed = new TraceStore(directory.Path).List();

        Assert.Equal(
            [recorded[1].TraceId.ToHexString(), recorded[0].TraceId.ToHexString()],
            listed.Select(s => s.TraceId));
        var panic = listed[0];
        Assert.Equal("teardown jail", panic.RootName);
        Assert.Equal(TraceOutcome.Panic, panic.Outcome);
        Assert.Equal(SyntheticTeardown.PanicId, panic.PanicId);
        Assert.Equal("alcatraz", panic.Jail);
        Assert.Equal(["alpha"], panic.Hosts);
        Assert.Equal(TimeSpan.FromMicroseconds(1030), panic.Duration);
        Assert.Equal(new DateTimeOffset(Recording.T0.AddSeconds(1), TimeSpan.Zero), panic.Start);
        Assert.Equal(TraceOutcome.Clean, listed[1].Outcome);
        Assert.Null(listed[1].PanicId);
    }

    [Fact]
    public void TraceIsFoundByTraceIdAndByPanicId()
    {
        var recorded = Recording.Record(directory.Path, TraceSampling.All, 0, ("singsing", false), ("alcatraz", true));
        var store = new TraceStore(directory.Path);

        var byTraceId = store.Find(recorded[1].TraceId.ToHexString().ToUpperInvariant());
        var byPanicId = store.Find(SyntheticTeardown.PanicId);

        Assert.NotNull(byTraceId);
        Assert.NotNull(byPanicId);
        Assert.Equal(recorded[1].TraceId.ToHexString(), byPanicId.TraceId);
        Assert.Equal(8, byPanicId.Spans.Count);
        Assert.Equal(recorded[1].PanicSpanId.ToHexString(), byPanicId.PanicSpan?.SpanId);
        var link = Assert.Single(byPanicId.PanicSpan!.Links);
        Assert.Equal("epair_clone_destroy", byPanicId.FindSpan(link.SpanId)?.Name);
        Assert.Null(store.Find("alpha-9-9"));
        Assert.Null(store.Find(new string('0', 32)));
    }

    [Fact]
    public void LineStillBeingWrittenIsSkippedAndCounted()
    {
        Recording.Record(directory.Path, TraceSampling.All, 0, ("alcatraz", true));
        File.AppendAllText(Path.Combine(directory.Path, "silo-9.jsonl"), "{\"resourceSpans\":[{\"resou");
        var store = new TraceStore(directory.Path);

        var listed = store.List();

        Assert.Single(listed);
        Assert.Equal(1, store.SkippedLines);
    }
}
