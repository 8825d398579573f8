namespace JailCluster.Tests.Failures;

using JailCluster.Hosts;
using JailCluster.Kernel.Hosting;
using JailCluster.Kernel.Hosts;
using JailCluster.Kernel.Kern;
using JailCluster.Kernel.Memory;
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

        // A spread host has memory on every silo; any silo but the primary and the host directory's will do.
        var directoryAt = await DirectorySiloAsync();
        await Cluster.KillSiloAsync(Cluster.Silos.Skip(1).Last(s => !s.SiloAddress.Equals(directoryAt)));
        var info = await host.Grain.WaitForState(HostState.Crashed, TimeSpan.FromMinutes(2));

        Assert.Equal(HostState.Crashed, info.State);
        Assert.Matches("which died|when a silo died", info.CrashReason);
        var refused = await host.Run("jls");
        Assert.Equal(1, refused.ExitCode);
        Assert.Equal("ECRASHED", refused.Errno);
        // Which reason depends on whether the host's own grain lived: it dies with the dead silo if it was there, and
        // Orleans lets it go if its directory entry was.
        Assert.Matches(
            "crashed: (kernel memory was lost with silo .*, which died"
                + "|the host's own grain was lost when a silo died)",
            refused.Stderr);

        Assert.Equal(HostState.Up, (await host.Grain.Reboot()).State);
        Assert.Equal("\n", await host.Ok("ifconfig -l"));
        Assert.Equal("epair0a\n", await host.Ok("ifconfig epair create"));
        Assert.Empty(await host.Grain.Check());
    }

    [Fact]
    public async Task AHostWhoseOwnGrainDiedSaysSoAndRebootsIntoANewGeneration()
    {
        // A host-local host whose kernel memory lives on one silo and whose host grain lives on another, which
        // is neither the primary nor the host directory's: killing the latter loses the host's power and console
        // but not its memory.
        var management = Cluster.Client.GetGrain<IManagementGrain>(0);
        var primary = Cluster.Silos[0].SiloAddress;
        var directoryAt = await DirectorySiloAsync();
        SimHost? host = null;
        SiloAddress? hostSilo = null;
        for (var i = 0; i < 40 && host is null; i++)
        {
            var candidate = await SimHost.Boot(
                Cluster.Client, KernelVersion.D56374, placement: KernelPlacement.HostLocal);
            var kernel = Cluster.Client.GetGrain<IKernelGrain>(
                new KernelKey(candidate.Name, 1, KernelPlacement.HostLocal).Globals);
            var at = await management.GetActivationAddress(candidate.Grain);
            var memoryAt = await management.GetActivationAddress(kernel);
            if (at is not null && memoryAt is not null && !at.Equals(primary) && !at.Equals(memoryAt)
                && !at.Equals(directoryAt))
            {
                (host, hostSilo) = (candidate, at);
            }
        }

        Assert.NotNull(host);
        await host.VnetJailWithEpair("alcatraz", withProcess: false);
        await Cluster.KillSiloAsync(Cluster.Silos.Single(s => s.SiloAddress.Equals(hostSilo)));

        var info = await host.Grain.WaitForState(HostState.Crashed, TimeSpan.FromMinutes(2));
        Assert.Equal(HostState.Crashed, info.State);
        Assert.StartsWith("the host's own grain was lost when a silo died", info.CrashReason);
        Assert.Equal(1, info.Generation);
        var refused = await host.Run("jls");
        Assert.Equal("ECRASHED", refused.Errno);

        var rebooted = await host.Grain.Reboot();
        Assert.Equal(HostState.Up, rebooted.State);
        Assert.Equal(2, rebooted.Generation);
        Assert.Equal(KernelVersion.D56374, rebooted.Boot?.Kernel);
        Assert.Equal("\n", await host.Ok("ifconfig -l"));
        Assert.Empty(await host.Grain.Check());
    }

    /// <summary>
    /// The silo of the host directory, which these tests must not kill: its in-memory storage could die with it,
    /// and with it every host's record. It lives on the oldest silo, and the three silos of one process often start
    /// within the same second, the resolution of a silo's generation, so which silo that is must be asked.
    /// </summary>
    private async Task<SiloAddress> DirectorySiloAsync()
    {
        var directory = Cluster.Client.GetGrain<IHostDirectoryGrain>(IHostDirectoryGrain.ClusterKey);
        await directory.Hosts();
        var at = await Cluster.Client.GetGrain<IManagementGrain>(0).GetActivationAddress(directory);
        Assert.NotNull(at);
        return at;
    }
}
