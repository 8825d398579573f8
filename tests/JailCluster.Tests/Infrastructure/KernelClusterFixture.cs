namespace JailCluster.Tests.Infrastructure;

using JailCluster.Kernel.Hosting;
using Orleans.TestingHost;

/// <summary>One in-process cluster of two silos for the kernel tests; every test boots its own hosts.</summary>
public sealed class KernelClusterFixture : IAsyncLifetime
{
    private InProcessTestCluster? _cluster;

    /// <summary>The cluster.</summary>
    public InProcessTestCluster Cluster => _cluster ?? throw new InvalidOperationException("cluster not started");

    /// <summary>Client.</summary>
    public IClusterClient Client => Cluster.Client;

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(2);
        builder.Options.ConfigureFileLogging = false;
        builder.ConfigureSilo((_, silo) => silo.AddJailClusterKernel());
        _cluster = builder.Build();
        await _cluster.DeployAsync();
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }
    }
}
