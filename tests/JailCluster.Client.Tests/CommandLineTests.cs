namespace JailCluster.Client.Tests;

using JailCluster.Client.Cli;
using JailCluster.Client.Commands;
using JailCluster.Client.Teardown;

public sealed class CommandLineTests
{
    [Fact]
    public void TeardownOptionsParseWithDefaultsAndBothForms()
    {
        var (options, json) = TeardownCommand.Parse(
        [
            "--hosts=2", "--jails", "5", "--kernel", "D56374", "--pattern", "simultaneous",
            "--fail-point", "debug.fail_point.a7=sleep(5)", "--json", "r.json",
        ]);

        Assert.Equal(2, options.Hosts);
        Assert.Equal(5, options.JailsPerHost);
        Assert.Equal(1, options.EpairsPerJail);
        Assert.Equal(1, options.ProcessesPerJail);
        Assert.Equal("D56374", options.Kernel);
        Assert.Equal(TeardownPattern.Simultaneous, options.Pattern);
        Assert.Equal(["a7=sleep(5)"], options.FailPoints);
        Assert.Equal(["host0", "host1"], options.HostNames);
        Assert.Equal("r.json", json);
    }

    [Theory]
    [InlineData("--hosts", "0", "teardown: --hosts must be an integer from 1 to 64, not '0'")]
    [InlineData("--kernel", "13.0", "unknown kernel '13.0' (known: 12.1, r368020, r368237, epair-2021, D56374)")]
    [InlineData("--pattern", "yolo", "unknown pattern 'yolo' (use vnet-subr-2019, vnet-subr-modern, simultaneous)")]
    [InlineData("--fail-point", "a3", "teardown: --fail-point wants NAME=SPEC (for example a7=sleep(50)), not 'a3'")]
    [InlineData("--frob", "1", "teardown: unknown option --frob")]
    public void BadTeardownOptionsAreUsageErrorsNamingTheOption(string option, string value, string message)
    {
        var error = Assert.Throws<UsageException>(() => TeardownCommand.Parse([option, value]));
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void OptionMissingItsValueIsNamed()
    {
        var error = Assert.Throws<UsageException>(() => ArgReader.Parse("cluster up", ["--silos"], ["--silos"], []));
        Assert.Equal("cluster up: option --silos needs a value", error.Message);
    }

    [Fact]
    public async Task FreeBsdCommandWithoutHostGetsAHintAndExUsage()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var state = new Cluster.StateDirectory(Path.GetTempPath());
        var context = new CommandContext(state, output, error, CancellationToken.None);

        var status = await Jailctl.RunAsync(context, ["jls", "-d"]);

        Assert.Equal(ExitCodes.Usage, status);
        Assert.Equal("jailctl: 'jls' runs on a host: jailctl -H HOST jls -d\n", error.ToString());
    }
}
