using System.Text.Json;
using JailCluster.Tracing.Export;
using JailCluster.Tracing.Reading;
using JailCluster.Tracing.Rendering;
using JailCluster.Tracing.Tests.Support;

namespace JailCluster.Tracing.Tests;

public sealed class BrowserPageTests : IDisposable
{
    private readonly TempDirectory directory = new();

    public void Dispose() => directory.Dispose();

    [SkippableFact]
    public async Task PanicPageInChromiumShowsBothLanesTheMarkedStepsAndTheWindow()
    {
        Recording.Record(directory.Path, TraceSampling.All, 0, ("alcatraz", true));
        var trace = new TraceStore(directory.Path).Find(SyntheticTeardown.PanicId)!;
        var interleaving = Interleaving.From(trace);
        var page = Path.Combine(directory.Path, "panic.html");
        await File.WriteAllTextAsync(page, InterleavingRenderer.RenderHtml(trace));

        using var seen = await BrowserCheck.OpenAsync(page, Path.Combine(directory.Path, "panic.png"));

        var root = seen.RootElement;
        Assert.Empty(root.GetProperty("requests").EnumerateArray());
        var lanes = root.GetProperty("lanes").EnumerateArray().ToList();
        Assert.Equal(interleaving.Lanes.Select(l => l.Title), lanes.Select(l => l.GetProperty("title").GetString()));
        Assert.All(lanes, l => Assert.True(l.GetProperty("visible").GetBoolean()));
        var lefts = lanes.Select(l => l.GetProperty("left").GetInt32()).ToList();
        Assert.Equal(lefts.Order(), lefts);
        Assert.Equal(lefts.Count, lefts.Distinct().Count());

        var taskq = interleaving.Lanes.Single(l => l.ThreadName == "thread taskq").Index;
        var ifconfig = interleaving.Lanes.Single(l => l.ThreadName == "ifconfig").Index;
        var entries = root.GetProperty("entries").EnumerateArray().ToList();
        Assert.Equal(interleaving.Entries.Count, entries.Count);
        Assert.All(entries, e => Assert.True(e.GetProperty("visible").GetBoolean(), e.GetProperty("text").GetString()));

        Assert.Equal(
            interleaving.Entries.Select(e => (e.Lane, (string?)e.Mark.ToString())),
            entries.Select(e => (e.GetProperty("lane").GetInt32(), e.GetProperty("mark").GetString())));
        var store = entries[interleaving.CauseIndex!.Value];
        Assert.Equal("NullStore", store.GetProperty("mark").GetString());
        Assert.Equal(ifconfig, store.GetProperty("lane").GetInt32());
        Assert.Equal("*", store.GetProperty("gutter").GetString());
        Assert.Contains("if_softc", store.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Contains("step: B5", store.GetProperty("hover").GetString(), StringComparison.Ordinal);
        var load = entries[interleaving.FaultIndex!.Value];
        Assert.Equal("FaultingLoad", load.GetProperty("mark").GetString());
        Assert.Equal(taskq, load.GetProperty("lane").GetInt32());
        Assert.Equal("!", load.GetProperty("gutter").GetString());
        Assert.Contains("step: A7", load.GetProperty("hover").GetString(), StringComparison.Ordinal);
        var panic = entries[interleaving.PanicIndex!.Value];
        Assert.Equal("Panic", panic.GetProperty("mark").GetString());
        Assert.Equal(taskq, panic.GetProperty("lane").GetInt32());
        Assert.Equal("X", panic.GetProperty("gutter").GetString());
        foreach (var marked in new[] { store, load, panic })
        {
            Assert.NotEqual("rgba(0, 0, 0, 0)", marked.GetProperty("background").GetString());
        }

        Assert.Equal(ifconfig, Step(entries, "[B5]").GetProperty("lane").GetInt32());
        Assert.Equal(taskq, Step(entries, "[A7]").GetProperty("lane").GetInt32());
        Assert.True(store.GetProperty("window").GetBoolean());
        Assert.True(load.GetProperty("window").GetBoolean());
        Assert.Equal(
            Enumerable.Range(0, interleaving.Entries.Count).Count(interleaving.InWindow),
            root.GetProperty("windowRows").GetInt32());
        Assert.StartsWith("window ", root.GetProperty("windowSummary").GetString(), StringComparison.Ordinal);
        Assert.Contains(
            SyntheticTeardown.Backtrace, root.GetProperty("backtrace").GetString(), StringComparison.Ordinal);
        Assert.True(root.GetProperty("pageWidth").GetInt32() <= root.GetProperty("viewportWidth").GetInt32());
        Assert.InRange(root.GetProperty("gutterWidth").GetInt32(), 10, 40);
    }

    private static JsonElement Step(List<JsonElement> entries, string label) =>
        Assert.Single(entries, e => e.GetProperty("text").GetString()!.StartsWith(label, StringComparison.Ordinal));
}
