namespace JailCluster.Tests.Kernel;

using JailCluster.Hosts;
using JailCluster.Tests.Infrastructure;
using Xunit.Abstractions;

/// <summary>
/// No fail points: many jails torn down in the 2019 cleanup order of tests/sys/common/vnet.subr, every
/// <c>jail -r</c> first and then at once every <c>ifconfig epairNa destroy</c>. Whatever happens comes
/// from the timing of real messages between the silos.
/// </summary>
[Collection(KernelCollection.Name)]
public sealed class MassTeardownTests(KernelClusterFixture fixture, ITestOutputHelper output)
{
    private const int Hosts = 3;
    private const int JailsPerHost = 8;
    private const int MaxRounds = 4;

    [Fact]
    public async Task CleanupOf2019PanicsA121Host()
    {
        var hosts = await Task.WhenAll(Enumerable.Range(0, Hosts).Select(_ => Teardown2019(KernelVersion.Release121)));
        var panicked = 0;
        foreach (var host in hosts)
        {
            var panic = await host.Grain.WaitForPanic(TimeSpan.Zero);
            if (panic is not null)
            {
                panicked++;
                output.WriteLine($"{host.Name}: {panic.Id} panic: {panic.Message} at {panic.FaultAddress:x} in {panic.Thread}");
            }
        }

        output.WriteLine($"{panicked} of {Hosts} hosts panicked");
        Assert.True(panicked >= 1, "no 12.1 host panicked");
    }

    [Fact]
    public async Task CleanupOf2019LeavesD56374Clean()
    {
        var hosts = await Task.WhenAll(Enumerable.Range(0, Hosts).Select(_ => Teardown2019(KernelVersion.D56374)));
        foreach (var host in hosts)
        {
            Assert.Null(await host.Grain.WaitForPanic(TimeSpan.Zero));
            Assert.Empty(await host.Grain.Check());
            Assert.Equal("\n", await host.Ok("ifconfig -l"));
        }
    }

    /// <summary>
    /// Rounds of build-then-tear-down on one host until it panics or <see cref="MaxRounds"/> rounds ran
    /// clean: each round gives the race one crossing of the two threads.
    /// </summary>
    private async Task<SimHost> Teardown2019(string kernel)
    {
        var host = await SimHost.Boot(fixture.Client, kernel);
        for (var round = 0; round < MaxRounds; round++)
        {
            var pairs = new List<string>();
            for (var j = 0; j < JailsPerHost; j++)
            {
                pairs.Add(await host.VnetJailWithEpair($"alcatraz{j}", withProcess: true));
            }

            foreach (var j in Enumerable.Range(0, JailsPerHost))
            {
                if ((await host.Run($"jail -r alcatraz{j}")).ExitCode != 0)
                {
                    break;
                }
            }

            foreach (var a in pairs)
            {
                if ((await host.Run($"ifconfig {a} destroy")).Errno is "EHALTED" or "EPANIC")
                {
                    break;
                }
            }

            await host.Settle();
            if (await host.Grain.WaitForPanic(TimeSpan.Zero) is not null)
            {
                output.WriteLine($"{host.Name} panicked in round {round + 1}");
                break;
            }
        }

        return host;
    }
}
