namespace JailCluster.EndToEnd.Tests;

using System.Text.Json;

/// <summary>Mass teardown with FreeBSD's 2019 cleanup pattern, on the stock kernel and on the fixed one.</summary>
[Collection(ClusterCollection.Name)]
public sealed class TeardownTests(ClusterFixture cluster)
{
    [Fact]
    public async Task MassTeardownOnStockKernelAccountsForEveryJailAndPanic()
    {
        var report = await TeardownAsync("td121-", "12.1");

        Assert.Equal(12, report.GetProperty("jails").GetInt32());
        Assert.Equal(
            report.GetProperty("jails").GetInt32(),
            report.GetProperty("jailsClean").GetInt32() + report.GetProperty("jailsLostWithPanic").GetInt32()
                + report.GetProperty("jailsWithErrors").GetInt32());
        var panicIds = report.GetProperty("panicIds").EnumerateArray().Select(p => p.GetString()).ToList();
        Assert.Equal(report.GetProperty("hostsPanicked").GetInt32(), panicIds.Count);
        Assert.Equal(6 * panicIds.Count, report.GetProperty("jailsLostWithPanic").GetInt32());

        var logged = Expect.Success(await cluster.RunAsync("panics", "--json")).Json()
            .EnumerateArray().Select(p => p.GetProperty("id").GetString()).ToHashSet();
        Assert.All(panicIds, id => Assert.Contains(id, logged));
    }

    [Fact]
    public async Task MassTeardownOnD56374NeitherPanicsNorLeavesDamage()
    {
        var report = await TeardownAsync("tdfix-", "D56374");

        Assert.Equal(0, report.GetProperty("hostsPanicked").GetInt32());
        Assert.Empty(report.GetProperty("panicIds").EnumerateArray());
        Assert.Equal(0, report.GetProperty("jailsLostWithPanic").GetInt32());
        Assert.Empty(report.GetProperty("findings").EnumerateArray());
        Assert.True(report.GetProperty("settled").GetBoolean());
    }

    private async Task<JsonElement> TeardownAsync(string prefix, string kernel)
    {
        var file = Path.Combine(cluster.Home, $"{prefix}report.json");
        var run = Expect.Success(await cluster.RunAsync(
            "teardown", "--hosts", "2", "--jails", "6", "--kernel", kernel, "--pattern", "vnet-subr-2019",
            "--seed", "7", "--host-prefix", prefix, "--json", file));
        Assert.Contains("jails torn down cleanly", run.Stdout, StringComparison.Ordinal);

        using var document = JsonDocument.Parse(File.ReadAllText(file));
        var report = document.RootElement.Clone();
        Assert.Equal(kernel, report.GetProperty("kernel").GetString());
        Assert.Equal("vnet-subr-2019", report.GetProperty("pattern").GetString());
        Assert.Equal(7, report.GetProperty("seed").GetInt32());
        Assert.Equal(2, report.GetProperty("hosts").GetInt32());
        Assert.False(report.GetProperty("interrupted").GetBoolean());
        Assert.True(report.GetProperty("durationSeconds").GetDouble() > 0);
        Assert.True(report.GetProperty("teardownsPerSecond").GetDouble() > 0);
        Assert.Equal(JsonValueKind.Object, report.GetProperty("errors").ValueKind);
        return report;
    }
}
