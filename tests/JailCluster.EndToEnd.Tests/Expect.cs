namespace JailCluster.EndToEnd.Tests;

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

    /// <summary>The one panic the cluster's panic log holds for <paramref name="host"/>.</summary>
    public static async Task<JsonElement> PanicOfAsync(ClusterFixture cluster, string host)
    {
        var panics = Success(await cluster.RunAsync("panics", "--json")).Json();
        return Assert.Single(panics.EnumerateArray(), p => p.GetProperty("host").GetString() == host);
    }

    /// <summary>
    /// <c>jailctl trace ID</c> once the trace files hold it: silos write a panicked trace at their next export, a
    /// second or so after the panic, so this waits for the files, bounded; it orders no kernel event.
    /// </summary>
    public static async Task<JailctlResult> TraceOfAsync(ClusterFixture cluster, string id, TimeSpan timeout)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var result = await cluster.RunAsync("trace", id);
            if (result.ExitCode == 0 || watch.Elapsed > timeout)
            {
                return Success(result);
            }

            await Task.Delay(500);
        }
    }
}
