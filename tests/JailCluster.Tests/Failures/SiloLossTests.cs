namespace JailCluster.Tests.Failures;

using JailCluster.Hosts;
using JailCluster.Kernel.Hosting;
using JailCluster.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Orleans.TestingHost;

/// <summary>A silo dies under a spread host: the host says it crashed and why, refuses work, and reboots.</summary>
public sealed class SiloLossTests : IAsyncLifetime
{
    private InProcessTestCluster? _cluster;

    private InProcessTestCluster Cluster => _cluster!;

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(3);
        builder.Options.ConfigureFileLogging = false;
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddJailClusterKernel();
            silo.Services.Configure<ClusterMembershipOptions>(o =>
            {
                o.ProbeTimeout = TimeSpan.FromSeconds(1);
                o.NumMissedProbesLimit = 2;
                o.NumVotesForDeathDeclaration = 1;
            });
        });
        _cluster = builder.Build();
        await _cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }
    }

    [Fact]
    public async Task ASpreadHostCrashesWithTheSiloThatHeldItsMemoryAndRebootsClean()
    {
        var host = await SimHost.Boot(Cluster.Client, KernelVersion.Release121);
        await host.VnetJailWithEpair("alcatraz", withProcess: true);

        await Cluster.KillSiloAsync(Cluster.Silos[^1]);
        var info = await host.Grain.WaitForState(HostState.Crashed, TimeSpan.FromMinutes(2));

        Assert.Equal(HostState.Crashed, info.State);
        Assert.Contains("which died", info.CrashReason);
        var refused = await host.Run("jls");
        Assert.Equal(1, refused.ExitCode);
        Assert.Equal("ECRASHED", refused.Errno);
        Assert.Contains("crashed: kernel memory was on silo", refused.Stderr);

        Assert.Equal(HostState.Up, (await host.Grain.Reboot()).State);
        Assert.Equal("\n", await host.Ok("ifconfig -l"));
        Assert.Equal("epair0a\n", await host.Ok("ifconfig epair create"));
        Assert.Empty(await host.Grain.Check());
    }
}
