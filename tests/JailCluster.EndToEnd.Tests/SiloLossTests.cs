namespace JailCluster.EndToEnd.Tests;

using System.Text.Json;

/// <summary>
/// A cluster on Redis membership losing a silo to SIGKILL: in the middle of a mass teardown, and while it holds
/// the panic log. Each test starts the silo again, and checks that it takes work.
/// </summary>
[Collection(RedisClusterCollection.Name)]
public sealed class SiloLossTests(RedisClusterFixture cluster) : IAsyncLifetime
{
    public Task InitializeAsync() => cluster.RestoreAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task MassTeardownOnRedisAccountsForEveryJailWhenASiloIsKilledMidway()
    {
        // Every host's first destroy is held at B0, after every jail -r of the 2019 pattern has returned: the
        // teardown is certainly under way when the silo dies.
        var file = Path.Combine(cluster.Home, "loss-report.json");
        var booted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var teardown = Jailctl.Start(
            cluster.Home,
            ["teardown", "--hosts", "3", "--jails", "4", "--kernel", "D56374", "--host-prefix", "loss",
             "--fail-point", "b0=pause", "--settle-timeout", "90", "--json", file],
            line =>
            {
                if (line.StartsWith("teardown: boot:", StringComparison.Ordinal))
                {
                    booted.TrySetResult();
                }
            });
        await booted.Task.WaitAsync(TimeSpan.FromMinutes(2));
        foreach (var host in new[] { "loss0", "loss1", "loss2" })
        {
            Expect.Success(await cluster.RunAsync("-H", host, "fpwait", "b0", "120"));
        }

        // The oldest silo also holds the host directory, which must come back from Redis elsewhere. Orleans
        // deactivates every activation whose directory entry the dead silo held, on the silos that live too, host
        // grains among them; a deactivating host grain holds its messages until its commands end, and a command
        // whose thread slept on a lock owned by a thread of the dead silo used to sleep for ever (a halted kernel
        // now wakes it).
        var victim = await cluster.OldestSiloAsync();
        Expect.Success(await cluster.RunAsync("cluster", "kill", victim));
        Expect.Success(await cluster.RunAsync("cluster", "wait", "2", "90"));

        // The run ends by itself, through the silos that are left, and counts every jail once.
        var run = await teardown.WaitAsync(TimeSpan.FromMinutes(4));
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("jails lost with a crash", run.Stdout, StringComparison.Ordinal);
        using var document = JsonDocument.Parse(File.ReadAllText(file));
        var report = document.RootElement;
        Assert.Equal(12, report.GetProperty("jails").GetInt32());
        Assert.Equal(
            12,
            report.GetProperty("jailsClean").GetInt32() + report.GetProperty("jailsLostWithPanic").GetInt32()
                + report.GetProperty("jailsLostWithCrash").GetInt32() + report.GetProperty("jailsWithErrors").GetInt32()
                + report.GetProperty("jailsNotBuilt").GetInt32() + report.GetProperty("jailsNotTornDown").GetInt32());

        // A spread host has kernel memory on every silo: all three lost some, and say so.
        Assert.Equal(3, report.GetProperty("hostsCrashed").GetInt32());
        Assert.Equal(12, report.GetProperty("jailsLostWithCrash").GetInt32());
        // What failed, failed with the crash: nothing is left over as an error of its own.
        Assert.Empty(report.GetProperty("errors").EnumerateObject());
        Assert.All(report.GetProperty("crashes").EnumerateArray(), crash =>
            Assert.Contains("died", crash.GetProperty("reason").GetString(), StringComparison.Ordinal));

        var hosts = Expect.Success(await cluster.RunAsync("host", "list", "--json")).Json();
        var loss0 = hosts.EnumerateArray().Single(h => h.GetProperty("name").GetString() == "loss0");
        Assert.Equal("crashed", loss0.GetProperty("state").GetString());
        var refused = Expect.OneLineError(await cluster.RunAsync("-H", "loss0", "jls"), 1);
        Assert.StartsWith("jailctl: host loss0 crashed: ", refused, StringComparison.Ordinal);
        Assert.EndsWith("; reboot it first", refused, StringComparison.Ordinal);

        // A reboot brings the host back on the two silos left.
        Expect.Success(await cluster.RunAsync("host", "boot", "loss0", "--kernel", "D56374"));
        Expect.Success(await cluster.RunAsync("-H", "loss0", "jls"));

        // The killed silo starts again, rejoins, and the next teardown puts kernel memory on it.
        Expect.Success(await cluster.RunAsync("cluster", "start", victim));
        Expect.Success(await cluster.RunAsync("cluster", "wait", "3", "90"));
        var again = Path.Combine(cluster.Home, "back-report.json");
        Expect.Success(await cluster.RunAsync(
            "teardown", "--hosts", "3", "--jails", "4", "--kernel", "D56374", "--host-prefix", "back",
            "--pattern", "vnet-subr-modern", "--json", again));
        using var second = JsonDocument.Parse(File.ReadAllText(again));
        Assert.Equal(12, second.RootElement.GetProperty("jailsClean").GetInt32());
        Assert.Equal(0, second.RootElement.GetProperty("hostsCrashed").GetInt32());

        var status = Expect.Success(await cluster.RunAsync("cluster", "status", "--json", "--grains")).Json();
        var restarted = status.GetProperty("silos").EnumerateArray()
            .Single(s => s.GetProperty("name").GetString() == victim);
        Assert.True(
            restarted.GetProperty("grains").TryGetProperty("StructGrain", out var structs) && structs.GetInt32() > 0,
            status.ToString());
    }

    [Fact]
    public async Task RecordedPanicOutlivesTheSiloThatHeldThePanicLog()
    {
        Expect.Success(await cluster.RunAsync("host", "boot", "keep", "--kernel", "12.1"));
        var script = Path.Combine(cluster.Home, "keep.jc");
        await File.WriteAllTextAsync(script, Scripts.ForcedPanic);
        Expect.Success(await cluster.RunAsync("-H", "keep", "run", script));
        var panic = Assert.Single(
            Expect.Success(await cluster.RunAsync("panics", "--json")).Json().EnumerateArray(),
            p => p.GetProperty("host").GetString() == "keep");
        var id = panic.GetProperty("id").GetString()!;
        var before = Expect.Success(await cluster.RunAsync("panic", "show", id)).Stdout;

        // The log is active on the oldest silo; its state is in Redis.
        Expect.Success(await cluster.RunAsync("cluster", "kill", await cluster.OldestSiloAsync()));
        Expect.Success(await cluster.RunAsync("cluster", "wait", "2", "90"));

        var after = Expect.Success(await cluster.RunAsync("panic", "show", id)).Stdout;
        Assert.Equal(before, after);
        Assert.Contains("fault virtual address = 0x40", after, StringComparison.Ordinal);
        var listed = Expect.Success(await cluster.RunAsync("panics", "--json")).Json();
        Assert.Contains(listed.EnumerateArray(), p => p.GetProperty("id").GetString() == id);

        // The host directory lived there too: the host is still known, panicked or crashed, never "not booted".
        var refused = Expect.OneLineError(await cluster.RunAsync("-H", "keep", "jls"), 1);
        Assert.Matches("^jailctl: host keep (has panicked|crashed)", refused);

        await cluster.RestoreAsync();
    }
}
