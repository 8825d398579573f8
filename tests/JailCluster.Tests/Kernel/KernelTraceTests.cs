namespace JailCluster.Tests.Kernel;

using System.Diagnostics;
using JailCluster.Hosts;
using JailCluster.Kernel.Amd64;
using JailCluster.Panics;
using JailCluster.Telemetry;
using JailCluster.Tests.Infrastructure;

/// <summary>The forced case 2 seen through its spans: one trace holding both threads.</summary>
[Collection(TracedCollection.Name)]
public sealed class KernelTraceTests(TracedClusterFixture fixture)
{
    [Fact]
    public async Task OneTraceShowsTheNullStoreBeforeTheFaultingLoad()
    {
        var host = await SimHost.Boot(fixture.Client, KernelVersion.Release121);
        var a = await host.VnetJailWithEpair("alcatraz", withProcess: true);
        await host.Ok("sysctl debug.fail_point.a3=pause");

        ActivityTraceId traceId;
        using (var root = fixture.ClientSource.StartActivity("teardown jail"))
        {
            Assert.NotNull(root);
            traceId = root.TraceId;
            await host.Ok("jail -r alcatraz");
            await host.Ok("fpwait a3");
            await host.Ok($"ifconfig {a} destroy");
            await host.Ok("sysctl debug.fail_point.a3=off");
        }

        var report = await fixture.Client.GetGrain<IPanicLogGrain>(IPanicLogGrain.ClusterKey)
            .WaitForHost(host.Name, TimeSpan.FromSeconds(30));
        Assert.NotNull(report);
        Assert.Equal(traceId.ToHexString(), report.TraceId);

        var spans = fixture.Trace(traceId);
        var faulting = Assert.Single(spans, s => s.Status == ActivityStatusCode.Error);
        Assert.Equal("epair_qflush", faulting.DisplayName);
        Assert.Equal("thread taskq", faulting.GetTagItem(TelemetryNames.ThreadName));
        Assert.Equal(report.Id, faulting.GetTagItem(TelemetryNames.PanicId));

        var store = spans.SelectMany(s => s.Events.Select(e => (Span: s, Event: e)))
            .Single(x => x.Event.Name == TelemetryNames.Events.Store
                && Tag(x.Event, TelemetryNames.MemField) == "if_softc" && Tag(x.Event, TelemetryNames.MemValue) == "0x0"
                && Tag(x.Event, TelemetryNames.Step) == "B5");
        Assert.Equal("epair_clone_destroy", store.Span.DisplayName);
        Assert.Equal("ifconfig", store.Span.GetTagItem(TelemetryNames.ThreadName));

        var load = faulting.Events.Single(
            e => e.Name == TelemetryNames.Events.Load && Tag(e, TelemetryNames.MemField) == "if_softc");
        Assert.Equal("0x0", Tag(load, TelemetryNames.MemValue));
        Assert.True(store.Event.Timestamp < load.Timestamp, "B5's store must come before A7's load");

        var link = Assert.Single(faulting.Links);
        Assert.Equal(store.Span.SpanId, link.Context.SpanId);
        Assert.Equal(store.Span.TraceId, link.Context.TraceId);

        var exception = faulting.Events.Single(e => e.Name == "exception");
        Assert.Equal(TrapReport.Backtrace(report.Text), Tag(exception, "exception.stacktrace"));

        var steps = spans.SelectMany(s => s.Events).Where(e => e.Name == TelemetryNames.Events.Step)
            .Select(e => Tag(e, TelemetryNames.Step)).ToHashSet();
        Assert.Superset(new HashSet<string?> { "A2", "A3", "A7", "B0", "B4", "B5", "B8" }, steps);
    }

    private static string? Tag(ActivityEvent e, string key) =>
        e.Tags.FirstOrDefault(t => t.Key == key).Value?.ToString();
}
