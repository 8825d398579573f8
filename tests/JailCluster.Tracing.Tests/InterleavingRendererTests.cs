using JailCluster.Telemetry;
using JailCluster.Tracing.Export;
using JailCluster.Tracing.Reading;
using JailCluster.Tracing.Rendering;
using JailCluster.Tracing.Tests.Support;

namespace JailCluster.Tracing.Tests;

public sealed class InterleavingRendererTests : IDisposable
{
    private readonly TempDirectory directory = new();

    public void Dispose() => directory.Dispose();

    [Fact]
    public void TextTimelineShowsEveryStepInItsThreadsLaneInTimeOrder()
    {
        var trace = RecordedPanic();

        var lines = Lines(InterleavingRenderer.RenderText(trace));

        var header = lines.Single(l => l.Contains("time (ms)", StringComparison.Ordinal));
        var lanes = Interleaving.From(trace).Lanes;
        var starts = lanes.Select(l => header.IndexOf("| " + l.Title, StringComparison.Ordinal)).ToList();
        Assert.All(starts, s => Assert.True(s > 0));
        var steps = trace.Spans
            .SelectMany(s => s.Events.Where(e => e.Name == "step").Select(e => (Span: s, Event: e)))
            .OrderBy(x => x.Event.TimeUnixNano)
            .ToList();
        Assert.Equal(17, steps.Count);
        var previousRow = -1;
        foreach (var (span, e) in steps)
        {
            var label = "[" + e.GetString(TelemetryNames.Step) + "]";
            var row = lines.FindIndex(l => l.Contains(label, StringComparison.Ordinal));
            Assert.True(row > previousRow, $"{label} is out of time order");
            previousRow = row;
            var lane = lanes
                .Single(l => l.ThreadName == span.ThreadName && l.ThreadId == span.ThreadId && l.Host == span.Host)
                .Index;
            var column = lines[row].IndexOf(label, StringComparison.Ordinal);
            var end = lane + 1 < starts.Count ? starts[lane + 1] : int.MaxValue;
            Assert.InRange(column, starts[lane], end);
        }
    }

    [Fact]
    public void TextTimelineMarksTheNullStoreBeforeTheFaultingLoadAndBracketsTheWindow()
    {
        var lines = Lines(InterleavingRenderer.RenderText(RecordedPanic()));

        var store = lines.FindIndex(l => l.Contains("store epair0b.if_softc = NULL", StringComparison.Ordinal));
        var load = lines.FindIndex(l => l.Contains("load epair0b.if_softc = NULL", StringComparison.Ordinal));
        var fault = lines.FindIndex(l => l.Contains("load NULL.if_qflush", StringComparison.Ordinal));
        var panic = lines.FindIndex(l => l.Contains("PANIC page fault", StringComparison.Ordinal));
        Assert.True(store > 0 && store < load && load < fault && fault < panic);
        Assert.StartsWith("+*", lines[store], StringComparison.Ordinal);
        Assert.StartsWith("|!", lines[load], StringComparison.Ordinal);
        Assert.StartsWith("+!", lines[fault], StringComparison.Ordinal);
        Assert.StartsWith(" X", lines[panic], StringComparison.Ordinal);
        Assert.All(lines[(store + 1)..fault], l => Assert.Equal('|', l[0]));
        Assert.Contains("window 0.310 ms", lines);
        Assert.Contains(
            "  from B5 store epair0b.if_softc = NULL in epair_clone_destroy (alpha: ifconfig 100300)", lines);
        Assert.Contains("  to   A7 load NULL.if_qflush = fault in epair_qflush (alpha: thread taskq 100012)", lines);
        Assert.Contains("  " + SyntheticTeardown.Backtrace.Split('\n')[3], lines);
    }

    [Fact]
    public void TextTimelineFitsTheTerminalWidth()
    {
        var text = InterleavingRenderer.RenderText(RecordedPanic());

        Assert.All(Lines(text), l => Assert.True(l.Length <= InterleavingRenderer.DefaultWidth, $"{l.Length}: {l}"));
    }

    [Fact]
    public void CleanTeardownHasNoFaultAndNoWindow()
    {
        Recording.Record(directory.Path, TraceSampling.All, 0, ("singsing", false));
        var trace = Assert.Single(new TraceStore(directory.Path).ReadAll());

        var interleaving = Interleaving.From(trace);
        var lines = Lines(InterleavingRenderer.RenderText(trace));

        Assert.Null(interleaving.CauseIndex);
        Assert.Null(interleaving.FaultIndex);
        Assert.DoesNotContain(lines, l => l.Length > 1 && (l[0] is '+' or '|' || l[1] is '!' or 'X'));
        Assert.Contains(lines, l => l.Contains("[A12]", StringComparison.Ordinal));
    }

    [Fact]
    public void HtmlPageIsSelfContainedAndShowsEveryLaneAndMark()
    {
        var trace = RecordedPanic();

        var html = InterleavingRenderer.RenderHtml(trace);

        Assert.DoesNotContain("http:", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("https:", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("url(", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(">alpha: thread taskq 100012</th>", html, StringComparison.Ordinal);
        Assert.Contains(">alpha: ifconfig 100300</th>", html, StringComparison.Ordinal);
        Assert.Contains("m-NullStore", html, StringComparison.Ordinal);
        Assert.Contains("m-FaultingLoad", html, StringComparison.Ordinal);
        Assert.Contains("m-Panic", html, StringComparison.Ordinal);
        Assert.Contains("<tr class=\"window\">", html, StringComparison.Ordinal);
        Assert.Contains("[B5] epair_clone_destroy", html, StringComparison.Ordinal);
        Assert.Contains("title=\"step: B5\nevent: step\nfunction: epair_clone_destroy", html, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadOfFreedMemoryTracesBackToTheFree()
    {
        const string Softc = "epair_softc scb@0xfffff80003b1a000";
        var a = Thread("thread taskq", 100012);
        var b = Thread("ifconfig", 100300);
        var trace = new Trace(TraceIdText, [
            Span("0000000000000001", null, "teardown jail", 0, 100, []),
            Span("0000000000000002", "0000000000000001", "epair_clone_destroy", 10, 40, b,
                Event("step", 20, (TelemetryNames.Step, "B8")),
                Event("free", 21, (TelemetryNames.MemObject, Softc))),
            Span("0000000000000003", "0000000000000001", "epair_qflush", 5, 60, a,
                Event("step", 6, (TelemetryNames.Step, "A7")),
                Event("load", 50, (TelemetryNames.MemObject, Softc), (TelemetryNames.MemField, "if_qflush"),
                    (TelemetryNames.MemValue, "0xdeadc0dedeadc0de"), (TelemetryNames.MemFreed, true)),
                Event("exception", 55, (TracingNames.ExceptionType, "page fault")))
            with { Attributes = WithPanic(a) },
        ]);

        var interleaving = Interleaving.From(trace);

        var cause = interleaving.Entries[interleaving.CauseIndex!.Value];
        var fault = interleaving.Entries[interleaving.FaultIndex!.Value];
        Assert.Equal(
            (InterleavingEntryKind.Free, "B8", "ifconfig"),
            (cause.Kind, cause.Step, interleaving.Lanes[cause.Lane].ThreadName));
        Assert.Equal(
            (InterleavingEntryKind.Load, "A7", "thread taskq"),
            (fault.Kind, fault.Step, interleaving.Lanes[fault.Lane].ThreadName));
        Assert.Equal("load scb.if_qflush = 0xdeadc0dedeadc0de (freed)", fault.Text);
        Assert.Equal(2, interleaving.Lanes.Count);
    }

    [Fact]
    public void PanicSpanWithoutExceptionEventStillTracesItsNullLoadToTheStore()
    {
        var trace = new Trace(TraceIdText, [
            Span("0000000000000002", null, "epair_clone_destroy", 10, 40, Thread("ifconfig", 100300),
                Event("store", 21, (TelemetryNames.MemObject, "ifnet epair3b@0x1"),
                    (TelemetryNames.MemField, "if_softc"), (TelemetryNames.MemValue, "0x0"))),
            Span("0000000000000003", null, "epair_qflush", 5, 60, WithPanic(Thread("thread taskq", 100012)),
                Event("load", 50, (TelemetryNames.MemObject, "ifnet epair3b@0x1"),
                    (TelemetryNames.MemField, "if_softc"), (TelemetryNames.MemValue, "0x0")))
            with { Status = TraceStatusCode.Error },
        ]);

        var interleaving = Interleaving.From(trace);

        Assert.Null(interleaving.PanicIndex);
        Assert.Equal(InterleavingEntryKind.Store, interleaving.Entries[interleaving.CauseIndex!.Value].Kind);
        Assert.Equal(InterleavingMark.FaultingLoad, interleaving.Entries[interleaving.FaultIndex!.Value].Mark);
    }

    [Fact]
    public void GrainCallSpansBetweenKernelSpansAreLeftOutOfTheLanes()
    {
        var taskq = Thread("thread taskq", 100012);
        var trace = new Trace(TraceIdText, [
            Span("0000000000000001", null, "if_vmove", 0, 100, taskq, Event("step", 1, (TelemetryNames.Step, "A2"))),
            Span("0000000000000002", "0000000000000001", "JailCluster.IIfnetGrain/Unlink", 2, 20, []),
            Span("0000000000000003", "0000000000000002", "if_detach_internal", 3, 10, taskq),
        ]);

        var interleaving = Interleaving.From(trace);

        Assert.Single(interleaving.Lanes);
        Assert.DoesNotContain(interleaving.Entries, e => e.SpanName.Contains("Grain", StringComparison.Ordinal));
        var inner = interleaving.Entries.Single(e => e.SpanName == "if_detach_internal");
        Assert.Equal(1, inner.Depth);
    }

    [Fact]
    public void WithoutPanicTheFirstAccessToFreedMemoryIsTracedToItsFree()
    {
        const string Ifnet = "ifnet epair0b@0xfffff80003a4c000";
        var trace = new Trace(TraceIdText, [
            Span("0000000000000002", null, "if_free", 10, 40, Thread("ifconfig", 100300),
                Event("step", 20, (TelemetryNames.Step, "B7")),
                Event("free", 30, (TelemetryNames.MemObject, Ifnet))),
            Span("0000000000000003", null, "if_vmove", 5, 90, Thread("thread taskq", 100012),
                Event("step", 50, (TelemetryNames.Step, "A11")),
                Event("store", 51, (TelemetryNames.MemObject, Ifnet), (TelemetryNames.MemField, "if_vnet"),
                    (TelemetryNames.MemValue, "0xfffff80004000000"), (TelemetryNames.MemFreed, true)),
                Event("store", 60, (TelemetryNames.MemObject, Ifnet), (TelemetryNames.MemField, "if_index"),
                    (TelemetryNames.MemValue, "7"), (TelemetryNames.MemFreed, true))),
        ]);

        var interleaving = Interleaving.From(trace);
        var lines = Lines(InterleavingRenderer.RenderText(trace));

        Assert.Equal(TraceOutcome.Clean, trace.Outcome);
        Assert.Equal("B7", interleaving.Entries[interleaving.CauseIndex!.Value].Step);
        Assert.Equal("A11", interleaving.Entries[interleaving.FaultIndex!.Value].Step);
        var free = lines.First(l => l.Contains("free epair0b", StringComparison.Ordinal));
        var access = lines.First(l => l.Contains("if_vnet", StringComparison.Ordinal));
        Assert.StartsWith("+*", free, StringComparison.Ordinal);
        Assert.StartsWith("+!", access, StringComparison.Ordinal);
    }

    private const string TraceIdText = "0af7651916cd43dd8448eb211c80319c";

    private static List<string> Lines(string text) => [.. text.Split('\n').Select(l => l.TrimEnd('\r'))];

    private Trace RecordedPanic()
    {
        Recording.Record(directory.Path, TraceSampling.All, 0, ("alcatraz", true));
        return new TraceStore(directory.Path).Find(SyntheticTeardown.PanicId)!;
    }

    private static Dictionary<string, object?> Thread(string name, long tid) => new()
    {
        [TelemetryNames.ThreadName] = name,
        [TelemetryNames.ThreadId] = tid,
        [TelemetryNames.Host] = "alpha",
    };

    private static Dictionary<string, object?> WithPanic(Dictionary<string, object?> attributes) =>
        new(attributes) { [TelemetryNames.PanicId] = "alpha-1-2" };

    private static TraceSpan Span(string id, string? parent, string name, ulong start, ulong end,
        Dictionary<string, object?> attributes, params TraceEvent[] events) => new()
    {
        TraceId = TraceIdText,
        SpanId = id,
        ParentSpanId = parent,
        Name = name,
        StartUnixNano = start * 1000,
        EndUnixNano = end * 1000,
        Attributes = attributes,
        Events = events,
    };

    private static TraceEvent Event(string name, ulong at, params (string Key, object Value)[] attributes) =>
        new(name, at * 1000, attributes.ToDictionary(a => a.Key, a => (object?)a.Value));
}
