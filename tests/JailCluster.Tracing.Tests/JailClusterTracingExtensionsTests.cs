using System.Diagnostics;
using JailCluster.Telemetry;
using JailCluster.Tracing.Export;
using JailCluster.Tracing.Tests.Support;

namespace JailCluster.Tracing.Tests;

public sealed class JailClusterTracingExtensionsTests : IDisposable
{
    private readonly TempDirectory directory = new();

    public void Dispose() => directory.Dispose();

    [Fact]
    public void ProcessListensToKernelClientAndOrleansApplicationSources()
    {
        using var kernel = new ActivitySource(TelemetryNames.KernelSource);
        using var client = new ActivitySource(TelemetryNames.ClientSource);
        using var orleans = new ActivitySource(TracingNames.OrleansApplicationSource);
        using var runtime = new ActivitySource("Microsoft.Orleans.Runtime");

        using (Recording.Provider(directory.Path, TraceSampling.All))
        {
            Assert.True(kernel.HasListeners());
            Assert.True(client.HasListeners());
            Assert.True(orleans.HasListeners());
            Assert.False(runtime.HasListeners());
        }
    }

    [Fact]
    public void FileExportLeavesNoFileUntilASpanIsKept()
    {
        using (Recording.Provider(directory.Path, TraceSampling.PanicsAndShare, share: 0))
        {
        }

        Assert.Empty(directory.Files("*"));
    }
}
