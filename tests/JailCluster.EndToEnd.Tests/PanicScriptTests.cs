namespace JailCluster.EndToEnd.Tests;

/// <summary>The 2019 panic, forced into its exact ordering with a fail point from a jailctl script.</summary>
[Collection(ClusterCollection.Name)]
public sealed class PanicScriptTests(ClusterFixture cluster)
{
    [Fact]
    public async Task DestroyWhileVnetReturnIsPausedAfterUnlinkPanicsStockKernelAtOffset0x40()
    {
        var host = await cluster.BootAsync("pausea3-", "12.1");
        var script = cluster.WriteScript($"{host}.jc", Scripts.ForcedPanic);

        var run = Expect.Success(await cluster.RunAsync("-H", host, "run", script));
        Assert.Contains("epair0a", run.Stdout, StringComparison.Ordinal);
        Assert.Contains($"{host}: panicked", run.Stdout, StringComparison.Ordinal);

        var panic = await Expect.PanicOfAsync(cluster, host);
        Assert.Equal("page fault", panic.GetProperty("message").GetString());
        Assert.Equal("thread taskq", panic.GetProperty("thread").GetString());
        Assert.Equal("0x40", panic.GetProperty("faultAddress").GetString());
        var id = panic.GetProperty("id").GetString()!;

        var report = Expect.Success(await cluster.RunAsync("panic", "show", id));
        Assert.Contains("fault virtual address = 0x40", report.Stdout, StringComparison.Ordinal);
        Assert.Contains("panic: page fault", report.Stdout, StringComparison.Ordinal);

        var trace = await Expect.TraceOfAsync(cluster, id, TimeSpan.FromSeconds(30));
        Assert.Contains($"PANIC {id}", trace.Stdout, StringComparison.Ordinal);
        Assert.Contains("[A3]", trace.Stdout, StringComparison.Ordinal);

        // The taskqueue's work is in the trace of the jail -r whose SIGKILL made the jail's last process exit:
        // jailctl's span crossed into the jail process, and the signal carried it on to the sleeper.
        Assert.Contains("prison_remove_one", trace.Stdout, StringComparison.Ordinal);
        Assert.Contains("sigexit", trace.Stdout, StringComparison.Ordinal);

        var hosts = Expect.Success(await cluster.RunAsync("host", "list", "--json")).Json();
        var me = hosts.EnumerateArray().Single(h => h.GetProperty("name").GetString() == host);
        Assert.Equal("panicked", me.GetProperty("state").GetString());
        Assert.Equal(id, me.GetProperty("panicId").GetString());
    }

    [Fact]
    public async Task ScriptRunsBackgroundLinesTogetherOnTheHostsItNamesAndFixedKernelStaysClean()
    {
        var first = await cluster.BootAsync("bgfix-", "D56374");
        var second = await cluster.BootAsync("bgfix-", "D56374");
        var script = cluster.WriteScript($"{first}-{second}.jc", $"""
            # jail -r and the destroy fired together on two hosts, then the checker on both.
            -H {first} ifconfig epair create
            -H {second} ifconfig epair create
            -H {first} jail -c name=singsing persist vnet vnet.interface=epair0b
            -H {second} jail -c name=singsing persist vnet vnet.interface=epair0b
            -H {first} jail -r singsing &
            -H {first} ifconfig epair0a destroy &
            -H {second} jail -r singsing &
            -H {second} ifconfig epair0a destroy &
            wait
            -H {first} settle
            -H {second} settle
            -H {first} check
            -H {second} check
            """);

        var run = Expect.Success(await cluster.RunAsync("run", script));
        Assert.Contains($"{first}: settled", run.Stdout, StringComparison.Ordinal);
        Assert.Contains($"{second}: settled", run.Stdout, StringComparison.Ordinal);
        Assert.Contains($"{first}: clean", run.Stdout, StringComparison.Ordinal);
        Assert.Contains($"{second}: clean", run.Stdout, StringComparison.Ordinal);

        var panics = Expect.Success(await cluster.RunAsync("panics", "--json")).Json();
        Assert.DoesNotContain(
            panics.EnumerateArray(), p => p.GetProperty("host").GetString() is var h && (h == first || h == second));
    }
}
