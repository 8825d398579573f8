namespace JailCluster.Tests.Kernel;

using JailCluster.Hosts;
using JailCluster.Tests.Infrastructure;

/// <summary>Every error of reference section 6, with FreeBSD's words and status, and no damage done.</summary>
[Collection(KernelCollection.Name)]
public sealed class ErrorTests(KernelClusterFixture fixture)
{
    private IClusterClient Client => fixture.Client;

    [Theory]
    [InlineData("ifconfig epair9a destroy", "ifconfig: interface epair9a does not exist\n", "ENXIO")]
    [InlineData("ifconfig foo0 create", "ifconfig: SIOCIFCREATE2: Invalid argument\n", "EINVAL")]
    [InlineData("ifconfig epair0 create", "ifconfig: SIOCIFCREATE2: File exists\n", "EEXIST")]
    [InlineData("ifconfig epair0a create", "ifconfig: interface epair0a already exists\n", "EEXIST")]
    [InlineData("ifconfig epair99999 create", "ifconfig: SIOCIFCREATE2: No space left on device\n", "ENOSPC")]
    [InlineData("ifconfig epair1234567890123 create", "ifconfig: SIOCIFCREATE2: No space left on device\n", "ENOSPC")]
    [InlineData("ifconfig epair0a vnet nosuch", "ifconfig: SIOCSIFVNET: Device not configured\n", "ENXIO")]
    [InlineData("ifconfig epair0a vnet plain", "ifconfig: SIOCSIFVNET: File exists\n", "EEXIST")]
    [InlineData("ifconfig epair0a vnet alcatraz", "ifconfig: SIOCSIFVNET: File exists\n", "EEXIST")]
    [InlineData("ifconfig epair0b -vnet nosuch", "ifconfig: SIOCSIFRVNET: Device not configured\n", "ENXIO")]
    [InlineData("ifconfig epair0a name epair0b", "ifconfig: ioctl SIOCSIFNAME (set name): File exists\n", "EEXIST")]
    [InlineData("ifconfig epair0a vnet", "ifconfig: 'vnet' requires argument\n", "EINVAL")]
    [InlineData("jail -c name=alcatraz persist vnet", "jail: jail \"alcatraz\" already exists\n", "EEXIST")]
    [InlineData("jail -r nosuch", "jail: \"nosuch\" not found\n", "EINVAL")]
    [InlineData("jexec nosuch sleep 10", "jexec: jail \"nosuch\" not found\n", "ENOENT")]
    [InlineData("sysctl debug.fail_point.zz", "sysctl: unknown oid 'debug.fail_point.zz'\n", "ENOENT")]
    public async Task BadCommandsGetFreeBsdsErrorAndChangeNothing(string command, string stderr, string errno)
    {
        var host = await Prepared();
        var before = await State(host);

        var r = await host.Run(command);

        Assert.Equal(1, r.ExitCode);
        Assert.Equal(stderr, r.Stderr);
        Assert.Equal(errno, r.Errno);
        Assert.Equal(before, await State(host));
        Assert.Empty(await host.Grain.Check());
    }

    [Theory]
    [InlineData("debug.fail_point.a3=garbage", "unknown type 'garbage'")]
    [InlineData("debug.fail_point.a3=return", "return needs an argument")]
    [InlineData("debug.fail_point.a3=150%pause", "bad probability '150%'")]
    [InlineData("debug.fail_point.a3=2*pause->", "missing type in ''")]
    [InlineData("debug.fail_point.a3=pause(3)", "pause takes no argument")]
    public async Task MalformedFailPointsAreRefusedWithEinval(string assignment, string why)
    {
        var host = await Prepared();
        var r = await host.Run("sysctl " + assignment);
        Assert.Equal(1, r.ExitCode);
        Assert.Equal($"sysctl: {assignment}: Invalid argument ({why})\n", r.Stderr);
        Assert.Equal("debug.fail_point.a3: off\n", await host.Ok("sysctl debug.fail_point.a3"));
    }

    [Fact]
    public async Task DyingJailIsNotFoundAndItsNameCanBeReusedAtOnce()
    {
        var host = await Prepared();
        Assert.Equal("epair1a\n", await host.Ok("ifconfig epair create"));
        await host.Ok("ifconfig epair1b vnet alcatraz");
        await host.Ok("jexec alcatraz sleep 3600");
        await host.Ok("sysctl debug.fail_point.a1=pause");
        await host.Ok("jail -r alcatraz");
        await host.Ok("fpwait a1");

        var again = await host.Run("jail -r alcatraz");
        Assert.Equal("jail: \"alcatraz\" not found\n", again.Stderr);
        // prison_deref takes a prison off allprison at its last reference, before vnet_destroy runs.
        Assert.DoesNotContain("alcatraz", await host.Ok("jls -d"));
        Assert.Equal("alcatraz: created\n", await host.Ok("jail -c name=alcatraz persist vnet"));

        await host.Ok("sysctl debug.fail_point.a1=off");
        await host.Settle();
        Assert.Empty(await host.Grain.Check());
    }

    [Fact]
    public async Task MissingVnetInterfaceFailsTheMoveAndRemovesTheNewJail()
    {
        var host = await Prepared();
        var r = await host.Run("jail -c name=singsing persist vnet vnet.interface=epair7b");
        Assert.Equal(1, r.ExitCode);
        Assert.Equal(
            "ifconfig: interface epair7b does not exist\n" +
            "jail: singsing: /sbin/ifconfig epair7b vnet singsing: failed\n",
            r.Stderr);
        await host.Settle();
        Assert.DoesNotContain("singsing", await host.Ok("jls -d"));
        Assert.Empty(await host.Grain.Check());
    }

    [Fact]
    public async Task DestroyOfANameThatVanishedBeforeTheIoctlIsEnxio()
    {
        var host = await Prepared();
        await host.Ok("sysctl debug.fail_point.b0=1*pause");
        var first = host.Run("ifconfig epair0a destroy");
        await host.Ok("fpwait b0");
        Assert.Equal(0, (await host.Run("ifconfig epair0a destroy")).ExitCode);
        await host.Ok("sysctl debug.fail_point.b0=off");

        var r = await first;
        Assert.Equal("ifconfig: SIOCIFDESTROY: Device not configured\n", r.Stderr);
        Assert.Equal("ENXIO", r.Errno);
    }

    [Fact]
    public async Task CommandsOnAHostThatIsNotBootedOrUnknownAreRefused()
    {
        var r = await Client.GetGrain<IHostGrain>("never-booted").Exec(["jls"], Commands.ExecOptions.Default);
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("host never-booted is not booted", r.Stderr);

        var host = await Prepared();
        var unknown = await host.Run("frobnicate now");
        Assert.Equal(127, unknown.ExitCode);
        Assert.Equal("sh: frobnicate: not found\n", unknown.Stderr);
    }

    /// <summary>
    /// A host with epair0 on the host, vnet jail alcatraz with its own epair0, and jail plain without a vnet.
    /// </summary>
    private async Task<SimHost> Prepared()
    {
        var host = await SimHost.Boot(Client, KernelVersion.Release121);
        await host.Ok("ifconfig epair create");
        await host.Ok("jail -c name=alcatraz persist vnet");
        await host.Ok("jail -c name=plain persist");
        await host.Ok("jexec alcatraz ifconfig epair create");
        return host;
    }

    private static async Task<string> State(SimHost host) =>
        await host.Ok("ifconfig -l") + await host.Ok("jls -d") + await host.Ok("jexec alcatraz ifconfig -l");
}
