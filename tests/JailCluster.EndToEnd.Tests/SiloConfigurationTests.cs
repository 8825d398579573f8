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
    [InlineData("--silo-port 0", "Silo:SiloPort must be a TCP port between 1 and 65535, not 0")]
    [InlineData("--gateway-port seven", "'seven' at 'Silo:GatewayPort'")]
    [InlineData("--address localhost", "Silo:Address must be an IP address, not 'localhost'")]
    [InlineData(
        "--address 192.0.2.7",
        "Silo:Address 192.0.2.7 is not a loopback address; set Silo:AllowExternalAddress=true")]
    [InlineData(
        "--address 192.0.2.7 --Silo:AllowExternalAddress true",
        "Silo:Address 192.0.2.7 needs Clustering:Redis (localhost clustering listens on 127.0.0.1 only)")]
    [InlineData(
        "--Tls:CertificateFile /nonexistent/member.pfx",
        "Tls:CertificateFile '/nonexistent/member.pfx' cannot be loaded")]
    [InlineData("--Tls:CaFile /nonexistent/ca.pem", "Tls:CaFile is set but Tls:CertificateFile is not")]
    [InlineData(
        "--Silo:DirectoryCacheSize -1", "Silo:DirectoryCacheSize must be 0 (no cache) or at least 3 entries, not -1")]
    [InlineData(
        "--Silo:DirectoryCacheSize 2", "Silo:DirectoryCacheSize must be 0 (no cache) or at least 3 entries, not 2")]
    public async Task BadSettingStopsTheSiloWithAMessageNamingIt(string arguments, string message)
    {
        var (exitCode, stdout, stderr) = await RunSiloAsync(arguments.Split(' '));

        Assert.Equal(78, exitCode);
        Assert.Contains(message, stderr, StringComparison.Ordinal);
        Assert.StartsWith("JailCluster.Silo: invalid configuration:", stderr, StringComparison.Ordinal);
        Assert.Equal("", stdout);
    }

    [Fact]
    public async Task UnreachableRedisStopsTheSiloWithOneLineSayingSo()
    {
        using var silo = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        using var gateway = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        silo.Start();
        gateway.Start();
        var ports = new[] { silo, gateway }.Select(l => ((System.Net.IPEndPoint)l.LocalEndpoint).Port.ToString(
            System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        silo.Stop();
        gateway.Stop();

        // Nothing listens on port 1 of loopback: the connection is refused at once.
        var (exitCode, _, stderr) = await RunSiloAsync(
            ["--redis", "127.0.0.1:1", "--silo-port", ports[0], "--gateway-port", ports[1]]);

        Assert.Equal(69, exitCode);
        var last = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1];
        Assert.StartsWith(
            "JailCluster.Silo: could not start or run: It was not possible to connect to the redis server(s)",
            last,
            StringComparison.Ordinal);
    }

    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunSiloAsync(IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { SiloPath }.Concat(arguments))
        {
            start.ArgumentList.Add(arg);
        }

        using var silo = Process.Start(start)!;
        var stderr = silo.StandardError.ReadToEndAsync();
        var stdout = silo.StandardOutput.ReadToEndAsync();
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        try
        {
            await silo.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            silo.Kill();
            Assert.Fail($"the silo started with {string.Join(' ', arguments)} instead of refusing it");
        }

        return (silo.ExitCode, await stdout, await stderr);
    }
}
