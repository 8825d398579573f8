namespace JailCluster.EndToEnd.Tests;

/// <summary><c>cluster up</c>, <c>status</c> and <c>down</c> on a cluster of their own.</summary>
[Collection(ClusterCollection.Name)]
public sealed class ClusterLifecycleTests
{
    [Fact]
    public async Task UpStartsSilosThatStatusListsAndDownStopsByPid()
    {
        var home = TestHomes.Create("lifecycle");
        try
        {
            var up = Expect.Success(await Jailctl.RunAsync(home, "cluster", "up", "--silos", "2"));
            Assert.Contains("2 silos up", up.Stdout, StringComparison.Ordinal);

            var status = Expect.Success(await Jailctl.RunAsync(home, "cluster", "status", "--json")).Json();
            var silos = status.GetProperty("silos").EnumerateArray().ToList();
            Assert.Equal(2, silos.Count);
            Assert.All(silos, s => Assert.Equal("Active", s.GetProperty("status").GetString()));
            Assert.Single(silos, s => s.GetProperty("primary").GetBoolean());
            var pids = silos.Select(s => s.GetProperty("pid").GetInt32()).ToList();
            Assert.All(pids, pid => Assert.True(SiloReaper.IsSilo(pid, home), $"pid {pid} is no running silo"));
            Assert.All(silos, s => Assert.True(s.GetProperty("activations").GetInt32() >= 0));

            var text = Expect.Success(await Jailctl.RunAsync(home, "cluster", "status"));
            Assert.Contains("2 active silos", text.Stdout, StringComparison.Ordinal);

            var again = await Jailctl.RunAsync(home, "cluster", "up");
            Assert.Contains("already running", Expect.OneLineError(again), StringComparison.Ordinal);

            var down = Expect.Success(await Jailctl.RunAsync(home, "cluster", "down"));
            Assert.Equal(2, down.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
            Assert.All(pids,
                pid => Assert.False(SiloReaper.IsSilo(pid, home), $"silo {pid} still runs after cluster down"));

            var after = await Jailctl.RunAsync(home, "cluster", "status");
            Assert.Contains("no cluster running", Expect.OneLineError(after, 69), StringComparison.Ordinal);
        }
        finally
        {
            SiloReaper.Reap(home);
        }
    }

    [Fact]
    public async Task SilosWithoutADirectoryCacheStillTearJailsDown()
    {
        // Silo:DirectoryCacheSize 0 asks for no cache at all, which Orleans' cache itself refuses (it keeps at
        // least 3 entries): every call between the two silos then asks the grain directory where its grain is.
        var home = TestHomes.Create("nocache");
        var noCache = new Dictionary<string, string> { ["JAILCLUSTER_Silo__DirectoryCacheSize"] = "0" };
        try
        {
            using (var up = Jailctl.Start(home, ["cluster", "up", "--silos", "2"], onError: null, noCache))
            {
                Assert.Contains("2 silos up", Expect.Success(await up.WaitAsync(TimeSpan.FromMinutes(3))).Stdout,
                    StringComparison.Ordinal);
            }

            var run = Expect.Success(await Jailctl.RunAsync(
                home, "teardown", "--hosts", "2", "--jails", "4", "--kernel", "D56374", "--seed", "3"));
            Assert.Matches(@"jails torn down cleanly\s+8 of 8", run.Stdout);
        }
        finally
        {
            SiloReaper.Reap(home);
        }
    }
}
