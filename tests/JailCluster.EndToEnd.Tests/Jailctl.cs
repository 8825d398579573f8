namespace JailCluster.EndToEnd.Tests;

using System.Diagnostics;
using System.Reflection;

/// <summary>Runs the built jailctl as a user would: a separate process with its own exit status and output.</summary>
public static class Jailctl
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(3);

    /// <summary>The built jailctl.dll.</summary>
    public static string Path { get; } = typeof(Jailctl).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "JailCluster.JailctlPath").Value!;

    /// <summary>Runs <c>jailctl ARGS</c> with <paramref name="home"/> as its state directory; no standard input.</summary>
    public static async Task<JailctlResult> RunAsync(string home, params string[] args) =>
        await RunAsync(home, DefaultTimeout, args);

    /// <summary>As <see cref="RunAsync(string, string[])"/>, failing the test after <paramref name="timeout"/>.</summary>
    public static async Task<JailctlResult> RunAsync(string home, TimeSpan timeout, params string[] args)
    {
        Assert.True(File.Exists(Path), $"jailctl is not built at {Path}");
        var start = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["JAILCLUSTER_HOME"] = home;
        start.Environment["JAILCLUSTER_TRACES_DIR"] = System.IO.Path.Combine(home, "traces");
        start.Environment["JAILCLUSTER_WATCH_PID"] =
            Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment.Remove("JAILCLUSTER_REDIS");

        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"jailctl {string.Join(' ', args)} did not finish within {timeout.TotalSeconds:0} s");
        }

        return new JailctlResult(process.ExitCode, await stdout, await stderr, string.Join(' ', args));
    }

    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host)
            ? host
            : "dotnet";
}
