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
    private const int MaxRounds = 8;

    [Fact]
    public async Task CleanupOf2019PanicsA121Host()
    {
        var hosts = await Task.WhenAll(
            Enumerable.Range(0, Hosts).Select(_ => Teardown2019(KernelVersion.Release121, MaxRounds)));
        var panicked = 0;
        foreach (var host in hosts)
        {
            var panic = await host.Grain.WaitForPanic(TimeSpan.Zero);
            if (panic is not null)
            {
                panicked++;
                output.WriteLine(
                    $"{host.Name}: {panic.Id} panic: {panic.Message} at {panic.FaultAddress:x} in {panic.Thread}");
            }
        }

        output.WriteLine($"{panicked} of {Hosts} hosts panicked");
        Assert.True(panicked >= 1, "no 12.1 host panicked");
    }

    [Fact]
    public async Task CleanupOf2019LeavesD56374Clean()
    {
        var hosts = await Task.WhenAll(Enumerable.Range(0, Hosts).Select(_ => Teardown2019(KernelVersion.D56374, 2)));
        foreach (var host in hosts)
        {
            Assert.Null(await host.Grain.WaitForPanic(TimeSpan.Zero));
            Assert.Empty(await host.Grain.Check());
            Assert.Equal("\n", await host.Ok("ifconfig -l"));
        }
    }

    /// <summary>
    /// Rounds of build-then-tear-down on one host until it panics or <paramref name="rounds"/> rounds ran
    /// clean: each round gives the race one crossing of the two threads.
    /// </summary>
    private async Task<SimHost> Teardown2019(string kernel, int rounds)
    {
        var host = await SimHost.Boot(fixture.Client, kernel);
        for (var round = 0; round < rounds; round++)
        {
            // A round that ended without a panic can still have left damage behind (a freed epair relinked
            // into vnet0, case 4): then the next round's epair create finds the name taken. That is the race
            // too; name it, reboot, and go on.
            var findings = await host.Grain.Check();
            if (findings.Count > 0)
            {
                Assert.Equal(KernelVersion.Release121, kernel);
                output.WriteLine(
                    $"{host.Name} damaged in round {round}: {string.Join(", ", findings.Select(f => f.Kind))}");
                await host.Grain.Reboot();
            }

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
