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

    /// <summary>
    /// Runs <c>jailctl ARGS</c> with <paramref name="home"/> as its state directory; no standard input.
    /// </summary>
    public static async Task<JailctlResult> RunAsync(string home, params string[] args) =>
        await RunAsync(home, DefaultTimeout, args);

    /// <summary>
    /// As <see cref="RunAsync(string, string[])"/>, failing the test after <paramref name="timeout"/>.
    /// </summary>
    public static async Task<JailctlResult> RunAsync(string home, TimeSpan timeout, params string[] args)
    {
        using var process = Start(home, args, onError: null);
        return await process.WaitAsync(timeout);
    }

    /// <summary>
    /// Starts <c>jailctl ARGS</c> and returns at once; <paramref name="onError"/> sees each line of standard error as
    /// it comes, so a test can act when the command reports that it reached a phase.
    /// </summary>
    public static JailctlProcess Start(
        string home,
        IReadOnlyList<string> args,
        Action<string>? onError,
        IReadOnlyDictionary<string, string>? environment = null)
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
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        return new JailctlProcess(Process.Start(start)!, string.Join(' ', args), onError);
    }

    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host)
            ? host
            : "dotnet";
}
