namespace JailCluster.Tests.Infrastructure;

using System.Diagnostics;
using JailCluster.Kernel.Hosting;
using JailCluster.Telemetry;
using OpenTelemetry;
using OpenTelemetry.Trace;
using Orleans.TestingHost;

/// <summary>A two-silo cluster with trace context propagation and an in-memory exporter catching every span.</summary>
public sealed class TracedClusterFixture : IAsyncLifetime
{
    private InProcessTestCluster? _cluster;
    private TracerProvider? _tracer;

    /// <summary>Every span ended so far, in the order they ended.</summary>
    public List<Activity> Spans { get; } = [];

    /// <summary>The client side's source, for root spans.</summary>
    public ActivitySource ClientSource { get; } = new(TelemetryNames.ClientSource);

    /// <summary>Client.</summary>
    public IClusterClient Client => (_cluster ?? throw new InvalidOperationException("not started")).Client;

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        _tracer = Sdk.CreateTracerProviderBuilder()
            .AddSource(TelemetryNames.KernelSource, TelemetryNames.ClientSource)
            .AddInMemoryExporter(Spans)
            .Build();
        var builder = new InProcessTestClusterBuilder(2);
        builder.Options.ConfigureFileLogging = false;
        builder.ConfigureSilo((_, silo) => silo.AddJailClusterKernel());
        _cluster = builder.Build();
        await _cluster.DeployAsync();
    }

    /// <summary>The spans of one trace, copied under the exporter's lock.</summary>
    public Activity[] Trace(ActivityTraceId traceId)
    {
        lock (Spans)
        {
            return Spans.Where(s => s.TraceId == traceId).ToArray();
        }
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }

        _tracer?.Dispose();
        ClientSource.Dispose();
    }
}
