namespace JailCluster.EndToEnd.Tests;

using System.Diagnostics;
using System.Text.Json;

/// <summary>Assertions shared by the end-to-end tests.</summary>
public static class Expect
{
    /// <summary>The command succeeded.</summary>
    public static JailctlResult Success(JailctlResult result)
    {
        Assert.True(result.ExitCode == 0, result.ToString());
        return result;
    }

    /// <summary>
    /// The command failed with <paramref name="exitCode"/> (any non-zero status when null) and said why in one line
    /// on standard error, with no stack trace.
    /// </summary>
    public static string OneLineError(JailctlResult result, int? exitCode = null)
    {
        Assert.True(result.ExitCode != 0, result.ToString());
        if (exitCode is { } expected)
        {
            Assert.True(result.ExitCode == expected, $"expected exit {expected}\n{result}");
        }

        var lines = result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(lines.Length == 1, $"expected one line on stderr\n{result}");
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", result.Stderr, StringComparison.Ordinal);
        return lines[0];
    }

    /// <summary>
    /// Waits, bounded, until the cluster's panic log holds a panic of <paramref name="host"/>: a host panics in its
    /// own kernel thread after the command that let it go on has returned.
    /// </summary>
    public static async Task<JsonElement> PanicOfAsync(ClusterFixture cluster, string host, TimeSpan timeout)
    {
        var watch = Stopwatch.StartNew();
        while (true)
        {
            var panics = Success(await cluster.RunAsync("panics", "--json")).Json();
            var mine = panics.EnumerateArray().Where(p => p.GetProperty("host").GetString() == host).ToList();
            if (mine.Count > 0)
            {
                Assert.Single(mine);
                return mine[0];
            }

            Assert.True(watch.Elapsed < timeout, $"no panic of {host} within {timeout.TotalSeconds:0} s");
            await Task.Delay(200);
        }
    }
}
