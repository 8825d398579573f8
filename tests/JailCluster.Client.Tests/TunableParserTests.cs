namespace JailCluster.Client.Tests;

using JailCluster.Client.Cli;
using JailCluster.Hosts;

public sealed class TunableParserTests
{
    [Fact]
    public void EveryMicrosecondTunableOfTheKernelHasAKebabName()
    {
        Assert.Contains("epoch-wait", TunableParser.ByName.Keys);
        Assert.Contains("proc-exit", TunableParser.ByName.Keys);
        Assert.Contains("if-purge", TunableParser.ByName.Keys);
    }

    [Fact]
    public void GivenTunablesChangeOnlyThemselves()
    {
        var tunables = TunableParser.Parse(["epoch-wait=0", "proc-exit=5000"]);

        Assert.Equal(0, tunables.EpochWaitMicros);
        Assert.Equal(5000, tunables.ProcExitMicros);
        Assert.Equal(KernelTunables.Default.IfPurgeMicros, tunables.IfPurgeMicros);
        Assert.Equal(new Dictionary<string, int> { ["epoch-wait"] = 0, ["proc-exit"] = 5000 },
            TunableParser.Changed(tunables));
        Assert.Equal(2000, KernelTunables.Default.EpochWaitMicros);
    }

    [Theory]
    [InlineData("nap=3", "unknown tunable 'nap' (known: ")]
    [InlineData("epoch-wait", "--tunable epoch-wait wants microseconds from 0 to 60000000, as epoch-wait=2000")]
    [InlineData("epoch-wait=-1", "--tunable epoch-wait wants microseconds from 0 to 60000000, as epoch-wait=2000")]
    public void BadTunableIsAUsageErrorNamingIt(string spec, string message)
    {
        var error = Assert.Throws<UsageException>(() => TunableParser.Parse([spec]));
        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
    }
}
