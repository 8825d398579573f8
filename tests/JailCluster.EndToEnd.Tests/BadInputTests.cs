namespace JailCluster.EndToEnd.Tests;

/// <summary>Wrong input gets one clear line and a non-zero status, never a stack trace.</summary>
[Collection(ClusterCollection.Name)]
public sealed class BadInputTests(ClusterFixture cluster)
{
    [Fact]
    public async Task ClusterCommandsOnUnknownOrRunningSilosChangeNothing()
    {
        var kill = Expect.OneLineError(await cluster.RunAsync("cluster", "kill", "silo9"), 1);
        Assert.Equal("jailctl: no silo named 'silo9' in this cluster (silos: silo0, silo1)", kill);

        var start = Expect.OneLineError(await cluster.RunAsync("cluster", "start", "silo1"), 1);
        Assert.StartsWith("jailctl: silo1 is running (pid ", start, StringComparison.Ordinal);

        var wait = Expect.OneLineError(await cluster.RunAsync("cluster", "wait", "two"), 64);
        Assert.Contains("ACTIVE must be a positive number, not 'two'", wait, StringComparison.Ordinal);

        var status = Expect.Success(await cluster.RunAsync("cluster", "status", "--json")).Json();
        Assert.Equal(2, status.GetProperty("silos").GetArrayLength());
    }

    [Fact]
    public async Task UnknownHostIsNamedWithExNoHost()
    {
        var result = await cluster.RunAsync("-H", "nosuchhost", "jls");
        Assert.Contains("unknown host 'nosuchhost'", Expect.OneLineError(result, 68), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RemovingAnUnknownJailSaysNotFoundAsFreeBsdDoes()
    {
        var host = await cluster.BootAsync("badjail-", "12.1");
        var result = await cluster.RunAsync("-H", host, "jail", "-r", "nosuch");
        Assert.Equal("jail: \"nosuch\" not found", Expect.OneLineError(result, 1));
    }

    [Fact]
    public async Task MalformedFailPointIsRefused()
    {
        var host = await cluster.BootAsync("badfp-", "12.1");
        var result = await cluster.RunAsync("-H", host, "sysctl", "debug.fail_point.a3=frobnicate(");
        Expect.OneLineError(result);

        var teardown = await cluster.RunAsync("teardown", "--fail-point", "a3");
        Assert.Contains("--fail-point", Expect.OneLineError(teardown, 64), StringComparison.Ordinal);

        // The kernel judges the SPEC; a mass teardown stops before building anything when a host refuses it.
        var rejected = await cluster.RunAsync(
            "teardown", "--hosts", "1", "--host-prefix", "badfpt", "--fail-point", "a3=frobnicate(");
        Assert.Contains(
            "fail point 'a3=frobnicate(' rejected by badfpt0",
            Expect.OneLineError(rejected, 1),
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task ScriptSyntaxErrorNamesFileAndLineAndRunsNothing()
    {
        var host = await cluster.BootAsync("badscript-", "12.1");
        var script = cluster.WriteScript("broken.jc", """
            ifconfig epair create
            # a comment
            jail -c "name=oops persist vnet
            """);

        var result = await cluster.RunAsync("-H", host, "run", script);
        var error = Expect.OneLineError(result, 65);
        Assert.Contains($"{script}:3: syntax error: unterminated double quote", error, StringComparison.Ordinal);

        // Line 1 never ran: no epair was created.
        var list = Expect.Success(await cluster.RunAsync("-H", host, "ifconfig", "-l"));
        Assert.DoesNotContain("epair", list.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ScriptLineWithoutHostNamesFileAndLine()
    {
        var script = cluster.WriteScript("nohost.jc", "-H somehost jls\njls &\n");
        var result = await cluster.RunAsync("run", script);
        Assert.Contains($"{script}:2: no host for 'jls'", Expect.OneLineError(result, 65), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownCommandAndMalformedOptionsAreUsageErrors()
    {
        await UsageErrorAsync("unknown command 'frobnicate'", "frobnicate");
        await UsageErrorAsync("--silos", "cluster", "up", "--silos", "many");
        await UsageErrorAsync("unknown kernel '13.0'", "host", "boot", "x", "--kernel", "13.0");
        await UsageErrorAsync("unknown pattern", "teardown", "--pattern", "yolo");
        await UsageErrorAsync("needs a host", "check");
    }

    [Fact]
    public async Task NoClusterRunningIsOneClearLine()
    {
        var empty = TestHomes.Create("nocluster");
        var result = await Jailctl.RunAsync(empty, "-H", "alpha", "jls");
        Assert.Contains("no cluster running", Expect.OneLineError(result, 69), StringComparison.Ordinal);

        var panics = await Jailctl.RunAsync(empty, "panics");
        Assert.Contains("no cluster running", Expect.OneLineError(panics, 69), StringComparison.Ordinal);
    }

    private async Task UsageErrorAsync(string expected, params string[] args)
    {
        var result = await cluster.RunAsync(args);
        Assert.Contains(expected, Expect.OneLineError(result, 64), StringComparison.Ordinal);
    }
}
