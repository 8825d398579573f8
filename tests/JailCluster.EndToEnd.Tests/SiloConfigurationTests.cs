namespace JailCluster.EndToEnd.Tests;

using System.Diagnostics;
using System.Reflection;

/// <summary>The silo refuses bad settings at start, naming the setting, before it binds any port.</summary>
[Collection(ClusterCollection.Name)]
public sealed class SiloConfigurationTests
{
    private static readonly string SiloPath = typeof(SiloConfigurationTests).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "JailCluster.SiloPath").Value!;

    [Theory]
    [InlineData("--silo-port", "0", "Silo:SiloPort must be a TCP port between 1 and 65535, not 0")]
    [InlineData("--gateway-port", "seven", "'seven' at 'Silo:GatewayPort'")]
    [InlineData("--address", "localhost", "Silo:Address must be an IP address, not 'localhost'")]
    public async Task BadSettingStopsTheSiloWithAMessageNamingIt(string option, string value, string message)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { SiloPath, option, value })
        {
            start.ArgumentList.Add(arg);
        }

        using var silo = Process.Start(start)!;
        var stderr = silo.StandardError.ReadToEndAsync();
        var stdout = silo.StandardOutput.ReadToEndAsync();
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await silo.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            silo.Kill();
            Assert.Fail($"the silo started with {option} {value} instead of refusing it");
        }

        Assert.Equal(78, silo.ExitCode);
        Assert.Contains(message, await stderr, StringComparison.Ordinal);
        Assert.StartsWith("JailCluster.Silo: invalid configuration:", await stderr, StringComparison.Ordinal);
        Assert.Equal("", await stdout);
    }
}
