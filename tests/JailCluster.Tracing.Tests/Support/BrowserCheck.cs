using System.Diagnostics;
using System.Reflection;
using System.Text.Json;

namespace JailCluster.Tracing.Tests.Support;

/// <summary>
/// Runs <c>browser/check-page.mjs</c>: node drives headless Chromium through playwright-core, opens a page
/// and reports what is on screen as JSON. Skips the calling test, saying what is missing, when node,
/// Chromium or the script's node_modules are absent (CI installs all three).
/// </summary>
public static class BrowserCheck
{
    /// <summary>Chromium to drive: <c>JAILCLUSTER_CHROMIUM</c>, else Debian's.</summary>
    public static string Chromium =>
        Environment.GetEnvironmentVariable("JAILCLUSTER_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    public static string Directory => typeof(BrowserCheck).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "BrowserCheckDirectory")
        .Value!;

    /// <summary>Opens <paramref name="page"/>, saves a full-page screenshot, returns what the script saw.</summary>
    public static async Task<JsonDocument> OpenAsync(string page, string screenshot)
    {
        var node = FindOnPath("node");
        Skip.If(node is null, "node is not installed (Debian package nodejs); the browser check needs it.");
        Skip.IfNot(File.Exists(Chromium), $"Chromium is not installed at {Chromium} (Debian package chromium).");
        Skip.IfNot(
            System.IO.Directory.Exists(Path.Combine(Directory, "node_modules", "playwright-core")),
            $"playwright-core is not installed: run npm ci in {Directory}.");

        var start = new ProcessStartInfo(node!)
        {
            WorkingDirectory = Directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { Path.Combine(Directory, "check-page.mjs"), page, screenshot, Chromium })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"check-page.mjs did not finish in 90 s: {await stderr}");
        }

        Assert.True(process.ExitCode == 0, $"check-page.mjs exited with {process.ExitCode}: {await stderr}");
        return JsonDocument.Parse(await stdout);
    }

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(d => Path.Combine(d, name))
            .FirstOrDefault(File.Exists);
}
