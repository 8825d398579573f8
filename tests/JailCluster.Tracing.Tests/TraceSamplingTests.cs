using System.Diagnostics;
using JailCluster.Tracing.Export;
using JailCluster.Tracing.Reading;
using JailCluster.Tracing.Tests.Support;
using OpenTelemetry;

namespace JailCluster.Tracing.Tests;

public sealed class TraceSamplingTests : IDisposable
{
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(30);

    private readonly TempDirectory directory = new();
    private readonly ManualTimeProvider time = new(new DateTimeOffset(Recording.T0, TimeSpan.Zero));

    public void Dispose() => directory.Dispose();

    [Fact]
    public void PanickedTeardownIsKeptWhenNoCleanTraceIs()
    {
        var recorded = Recording.Record(
            directory.Path, TraceSampling.PanicsAndShare, 0, ("singsing", false), ("alcatraz", true));

        var listed = new TraceStore(directory.Path).List();

        var only = Assert.Single(listed);
        Assert.Equal(recorded[1].TraceId.ToHexString(), only.TraceId);
        Assert.Equal(TraceOutcome.Panic, only.Outcome);
        Assert.Equal(8, only.SpanCount);
        var main = File.ReadAllText(Path.Combine(directory.Path, $"{Recording.Service}-{Environment.ProcessId}.jsonl"));
        Assert.DoesNotContain(recorded[0].TraceId.ToHexString(), main, StringComparison.Ordinal);
    }

    [Fact]
    public void CleanShareSelectsTheSameTracesInEveryProcess()
    {
        var random = new Random(4);
        var ids = Enumerable.Range(0, 400).Select(_ => Recording.TraceId(random)).ToList();
        using var silo1 = Exporter("silo1-1", share: 0.25);
        using var silo2 = Exporter("silo2-2", share: 0.25);

        Export(silo1, ids.Select(id => Recording.Span(id)));
        Export(silo2, ids.Select(id => Recording.Span(id)));
        time.Advance(Grace);
        silo1.Sweep();
        silo2.Sweep();
        silo1.Shutdown();
        silo2.Shutdown();

        var kept1 = TraceIdsIn("silo1-1.jsonl");
        var kept2 = TraceIdsIn("silo2-2.jsonl");
        Assert.Equal(kept1, kept2);
        var underShare = ids.Where(id => TraceRetention.IsUnderShare(id, 0.25)).Select(id => id.ToHexString());
        Assert.Equal(underShare.ToHashSet(), kept1);
        Assert.InRange(kept1.Count, 80, 120);
        Assert.False(File.Exists(Path.Combine(directory.Path, "silo1-1.held.jsonl")));
    }

    [Fact]
    public void ShareOfTraceIdsMatchesTheConfiguredShare()
    {
        var random = new Random(7);
        var ids = Enumerable.Range(0, 20_000).Select(_ => Recording.TraceId(random)).ToList();

        Assert.InRange(ids.Count(id => TraceRetention.IsUnderShare(id, 0.1)), 1_800, 2_200);
        Assert.Equal(0, ids.Count(id => TraceRetention.IsUnderShare(id, 0)));
        Assert.Equal(ids.Count, ids.Count(id => TraceRetention.IsUnderShare(id, 1)));
    }

    [Fact]
    public void HeldTraceIsWrittenOnceAnotherProcessMarksItForItsPanic()
    {
        var id = Recording.TraceId(new Random(1));
        using var silo1 = Exporter("silo1-1", share: 0);
        using var silo2 = Exporter("silo2-2", share: 0);
        Export(silo1, [Recording.Span(id)]);
        silo1.Sweep();
        Assert.Equal(1, silo1.Retention.HeldTraceCount);

        var panicSpan = Recording.Span(id, ActivityStatusCode.Error);
        new TraceKeepProcessor(silo2.Keep).OnEnd(panicSpan);
        Export(silo2, [panicSpan]);
        silo1.Sweep();

        Assert.Equal(0, silo1.Retention.HeldTraceCount);
        Assert.Contains(id.ToHexString(), TraceIdsIn("silo1-1.jsonl"));
        Assert.Contains(id.ToHexString(), TraceIdsIn("silo2-2.jsonl"));
        Assert.Equal(id.ToHexString() + "\n", File.ReadAllText(Path.Combine(directory.Path, "silo2-2.keep")));
    }

    [Fact]
    public void UnmarkedTraceIsDroppedWhenTheGracePeriodEnds()
    {
        var id = Recording.TraceId(new Random(2));
        using var silo1 = Exporter("silo1-1", share: 0);
        Export(silo1, [Recording.Span(id)]);

        time.Advance(Grace - TimeSpan.FromTicks(1));
        silo1.Sweep();
        Assert.Equal(1, silo1.Retention.HeldTraceCount);
        time.Advance(TimeSpan.FromTicks(1));
        silo1.Sweep();
        Export(silo1, [Recording.Span(id)]);
        silo1.Shutdown();

        Assert.Equal(0, silo1.Retention.HeldTraceCount);
        Assert.Equal(2, silo1.Retention.DroppedSpanCount);
        Assert.Empty(directory.Files("*.jsonl"));
    }

    [Fact]
    public void TraceWithASpanStillOpenHereOutlivesTheGracePeriod()
    {
        var id = Recording.TraceId(new Random(10));
        using var silo1 = Exporter("silo1-1", share: 0);
        var processor = new TraceKeepProcessor(silo1.Keep, silo1.Open);
        var paused = new Activity("if_vmove");
        paused.SetParentId(id, ActivitySpanId.CreateRandom(), ActivityTraceFlags.Recorded);
        paused.Start();
        processor.OnStart(paused);
        Export(silo1, [Recording.Span(id)]);

        time.Advance(Grace * 3);
        silo1.Sweep();
        Assert.Equal(1, silo1.Retention.HeldTraceCount);

        paused.Stop();
        processor.OnEnd(paused);
        Export(silo1, [paused]);
        time.Advance(Grace);
        silo1.Sweep();
        Assert.Equal(0, silo1.Retention.HeldTraceCount);
        Assert.Equal(2, silo1.Retention.DroppedSpanCount);
    }

    [Fact]
    public void SpanMarkedKeepOrTouchingFreedMemoryKeepsItsTrace()
    {
        using var silo1 = Exporter("silo1-1", share: 0);
        var processor = new TraceKeepProcessor(silo1.Keep);
        var marked = Recording.Span(Recording.TraceId(new Random(3)));
        marked.SetTag(TracingNames.Keep, true);
        var freed = Recording.Span(Recording.TraceId(new Random(5)));
        var freedLoad = new ActivityTagsCollection { [Telemetry.TelemetryNames.MemFreed] = true };
        freed.AddEvent(new ActivityEvent("load", tags: freedLoad));
        var clean = Recording.Span(Recording.TraceId(new Random(6)));

        processor.OnEnd(marked);
        processor.OnEnd(freed);
        processor.OnEnd(clean);

        Assert.True(silo1.Keep.IsMarked(marked.TraceId));
        Assert.True(silo1.Keep.IsMarked(freed.TraceId));
        Assert.False(silo1.Keep.IsMarked(clean.TraceId));
    }

    [Fact]
    public void UndecidedTracesGoToTheHeldFileAtShutdownAndShowOnlyIfKeptElsewhere()
    {
        var random = new Random(8);
        var panicked = Recording.TraceId(random);
        var clean = Recording.TraceId(random);
        using var client = Exporter("jailctl-1", share: 0);
        using var silo = Exporter("silo1-2", share: 0);

        // The client exits before the silo's thread panics: its root spans are still undecided.
        Export(client, [Recording.Span(panicked), Recording.Span(clean)]);
        client.Shutdown();
        var panicSpan = Recording.Span(panicked, ActivityStatusCode.Error);
        new TraceKeepProcessor(silo.Keep).OnEnd(panicSpan);
        Export(silo, [panicSpan]);
        silo.Shutdown();

        Assert.Equal(
            new HashSet<string> { panicked.ToHexString(), clean.ToHexString() },
            TraceIdsIn("jailctl-1.held.jsonl"));
        var listed = Assert.Single(new TraceStore(directory.Path).List());
        Assert.Equal(panicked.ToHexString(), listed.TraceId);
        Assert.Equal(2, listed.SpanCount);
    }

    [Fact]
    public void SamplingKeepAllWritesEveryTraceAtOnce()
    {
        var random = new Random(9);
        using var silo = Exporter("silo1-1", share: 0, TraceSampling.All);

        Export(silo, Enumerable.Range(0, 10).Select(_ => Recording.Span(Recording.TraceId(random))));

        Assert.Equal(0, silo.Retention.HeldSpanCount);
        Assert.Equal(10, TraceIdsIn("silo1-1.jsonl").Count);
    }

    private static void Export(TraceFileExporter exporter, IEnumerable<Activity> spans)
    {
        var items = spans.ToArray();
        Assert.Equal(ExportResult.Success, exporter.Export(new Batch<Activity>(items, items.Length)));
    }

    private TraceFileExporter Exporter(
        string stem, double share, TraceSampling sampling = TraceSampling.PanicsAndShare)
    {
        var options = new TraceFileOptions
        {
            Directory = directory.Path,
            Sampling = sampling,
            CleanShare = share,
            GracePeriod = Grace,
        };
        return new TraceFileExporter(options, time, stem, startSweeper: false);
    }

    private HashSet<string> TraceIdsIn(string file)
    {
        var path = Path.Combine(directory.Path, file);
        return File.Exists(path)
            ? File.ReadAllLines(path).SelectMany(OtlpJsonReader.ReadTracesData).Select(s => s.TraceId).ToHashSet()
            : [];
    }
}
