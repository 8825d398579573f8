using System.Diagnostics;
using JailCluster.Telemetry;
using JailCluster.Tracing.Export;
using JailCluster.Tracing.Hosting;
using JailCluster.Tracing.Reading;
using JailCluster.Tracing.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;

namespace JailCluster.Tracing.Tests;

public sealed class JailClusterTracingExtensionsTests : IDisposable
{
    private readonly TempDirectory directory = new();

    public void Dispose() => directory.Dispose();

    [Fact]
    public void ProcessListensToKernelAndClientSourcesButNotOrleansOwn()
    {
        using var kernel = new ActivitySource(TelemetryNames.KernelSource);
        using var client = new ActivitySource(TelemetryNames.ClientSource);
        using var orleans = new ActivitySource("Microsoft.Orleans.Application");
        using var runtime = new ActivitySource("Microsoft.Orleans.Runtime");

        using (Recording.Provider(directory.Path, TraceSampling.All))
        {
            Assert.True(kernel.HasListeners());
            Assert.True(client.HasListeners());
            Assert.False(orleans.HasListeners());
            Assert.False(runtime.HasListeners());
        }
    }

    [Fact]
    public void SamplingOffWithoutAnOtlpEndpointListensToNothing()
    {
        Assert.Null(Environment.GetEnvironmentVariable(TracingNames.OtlpEndpointVariable));
        using var kernel = new ActivitySource(TelemetryNames.KernelSource);
        using var client = new ActivitySource(TelemetryNames.ClientSource);

        using (Recording.Provider(directory.Path, TraceSampling.Off))
        {
            Assert.False(kernel.HasListeners());
            Assert.False(client.HasListeners());
            Assert.False(JailClusterTracingExtensions.IsTracing(o => o.Sampling = TraceSampling.Off));
        }

        Assert.True(JailClusterTracingExtensions.IsTracing(o => o.Sampling = TraceSampling.PanicsAndShare));
    }

    [Fact]
    public void FileExportLeavesNoFileUntilASpanIsKept()
    {
        using (Recording.Provider(directory.Path, TraceSampling.PanicsAndShare, share: 0))
        {
        }

        Assert.Empty(directory.Files("*"));
    }

    [Fact]
    public void HostedProcessWritesItsTraceFileWhenItsServicesAreDisposed()
    {
        var services = new ServiceCollection();
        services.AddJailClusterTelemetry("silo-hosted", "silo-7", o =>
        {
            o.Directory = directory.Path;
            o.Sampling = TraceSampling.All;
        });
        using var client = new ActivitySource(TelemetryNames.ClientSource);
        using var kernel = new ActivitySource(TelemetryNames.KernelSource);
        SyntheticTeardown teardown;
        using (var provider = services.BuildServiceProvider())
        {
            provider.GetRequiredService<TracerProvider>();
            teardown = new SyntheticTeardown(client, kernel, Recording.T0).Record("alcatraz", panic: true);
        }

        var trace = new TraceStore(directory.Path).Find(teardown.TraceId.ToHexString());
        Assert.Equal(8, trace?.Spans.Count);
        Assert.Equal("silo-hosted", trace?.Root?.ServiceName);
        var file = Assert.Single(directory.Files("*.jsonl"));
        Assert.Equal($"silo-hosted-{Environment.ProcessId}.jsonl", Path.GetFileName(file));
    }
}
