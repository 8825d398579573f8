namespace JailCluster.Tests.Properties;

using CsCheck;
using JailCluster.Hosts;
using JailCluster.Tests.Infrastructure;

/// <summary>
/// Generated command lines against one host: each gets success or one of FreeBSD's failures (status 1, a
/// usage error 64, or 127 for no such program), never an exception; a rejected one changes nothing, except what
/// jail(8) did for the other jails of a <c>jail -r</c> that names several.
/// </summary>
[Collection(KernelCollection.Name)]
public sealed class CommandLineProperties(KernelClusterFixture fixture)
{
    private static readonly Gen<string> Word = Gen.OneOf(
        Gen.OneOf(
            "ifconfig", "jail", "jls", "jexec", "sysctl", "procstat", "dmesg", "-c", "-r", "-l", "-j", "-d", "-kk",
            "-vnet", "vnet", "create", "destroy", "name", "epair", "epair0", "epair0a", "epair0b", "epair1",
            "epair7a", "epair32768", "epair0123", "alcatraz", "singsing", "plain", "a.b", "1", "persist", "vnet",
            "name=alcatraz", "name=singsing", "name=a.b", "name=42", "name=", "vnet.interface=epair0b",
            "vnet.interface=epair9b", "bogus=1", "sleep", "10", "-1", "debug.fail_point.a3", "debug.fail_point.zz",
            "debug.fail_point.a3=off", "debug.fail_point.a3=bogus", "debug.fail_point.b5=150%return(5)",
            "kern.osrelease", "kern.osrelease=1", "--libxo", "json", "epair0123456789abcdef", "ifconfig0"),
        Gen.String[Gen.Char["a-zA-Z0-9.=_-"], 1, 20]);

    private static readonly Gen<string[]> Line = Gen.Select<string, string[], string[]>(
        Gen.OneOf("ifconfig", "jail", "jls", "jexec", "sysctl", "procstat", "nosuchprogram"),
        Word.Array[0, 5],
        (program, args) => [program, .. args]);

    [Fact]
    public async Task EveryCommandLineGetsAnAnswerAndARejectedOneChangesNothing()
    {
        var host = await SimHost.Boot(fixture.Client, KernelVersion.Release121);
        await host.Ok("ifconfig epair create");
        await host.Ok("jail -c name=alcatraz persist vnet");
        await host.Ok("jail -c name=plain persist");

        await Line.SampleAsync(async argv =>
        {
            var before = await State(host);
            var r = await host.Grain.Exec(argv, Commands.ExecOptions.Default);
            Assert.Contains(r.ExitCode, new[] { 0, 1, 64, 127 });
            if (r.ExitCode != 0)
            {
                Assert.NotEqual("", r.Stderr);
            }

            if (r.ExitCode != 0 && !RemovesSeveral(argv))
            {
                Assert.Equal(before, await State(host));
            }
            else
            {
                await host.Settle();
            }

            Assert.Empty(await host.Grain.Check());
        }, iter: 150, threads: 1, print: argv => string.Join(' ', argv));
    }

    // jail(8) removes the jails of `jail -r A B ...` one after the other: one that is not found fails the command
    // but leaves the removal of the others done.
    private static bool RemovesSeveral(string[] argv) => argv is ["jail", "-r", _, _, ..];

    private static async Task<string> State(SimHost host) =>
        await host.Ok("ifconfig -l") + await host.Ok("jls -d") + await host.Ok("sysctl debug.fail_point");
}
