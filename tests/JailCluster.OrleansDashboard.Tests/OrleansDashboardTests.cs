using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Hosting;

namespace JailCluster.OrleansDashboard.Tests;

public sealed class OrleansDashboardTests
{
    [Fact]
    public async Task EnabledSiloServesTheDashboardPageAndItsCountersOnLoopback()
    {
        var port = FreePort();
        using var host = Silo(new Dictionary<string, string?>
        {
            ["OrleansDashboard:Enabled"] = "true",
            ["OrleansDashboard:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        await host.StartAsync();
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };

            using var page = await http.GetAsync("");
            var html = await page.Content.ReadAsStringAsync();
            using var counters = await GetCountersAsync(http);

            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Contains("<html", html, StringComparison.OrdinalIgnoreCase);
            Assert.Equal(1, counters.RootElement.GetProperty("totalActiveHostCount").GetInt32());
        }
        finally
        {
            await host.StopAsync();
        }
    }

    [Fact]
    public void DisabledDashboardAddsNothingToTheSilo()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [] });
        var count = -1;
        var added = -1;
        builder.UseOrleans(silo =>
        {
            count = silo.Services.Count;
            silo.AddJailClusterOrleansDashboard(builder.Configuration);
            added = silo.Services.Count - count;
        });

        Assert.Equal(0, added);
    }

    [Theory]
    [InlineData("0.0.0.0", "OrleansDashboard:Address='0.0.0.0' must be a loopback address")]
    [InlineData("192.0.2.1", "OrleansDashboard:Address='192.0.2.1' must be a loopback address")]
    [InlineData("localhost", "OrleansDashboard:Address='localhost' must be a loopback address")]
    public void NonLoopbackAddressIsRefusedNamingTheSetting(string address, string message)
    {
        var options = new OrleansDashboardOptions { Enabled = true, Address = address };

        var error = Assert.Throws<OptionsValidationException>(() =>
            OrleansDashboardOptionsValidator.ThrowIfInvalid(options));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PortOutOfRangeIsRefusedNamingTheSetting()
    {
        var error = Assert.Throws<OptionsValidationException>(() =>
            OrleansDashboardOptionsValidator.ThrowIfInvalid(new OrleansDashboardOptions { Port = 70000 }));

        Assert.Contains("OrleansDashboard:Port=70000", error.Message, StringComparison.Ordinal);
    }

    private static IHost Silo(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [] });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.UseOrleans(silo => silo
            .UseLocalhostClustering(FreePort(), FreePort())
            .AddJailClusterOrleansDashboard(builder.Configuration));
        return builder.Build();
    }

    /// <summary>
    /// The counters, once the dashboard grain has its first sample: until then it answers 503 or no host.
    /// Bounded by a deadline, not a sleep count.
    /// </summary>
    private static async Task<JsonDocument> GetCountersAsync(HttpClient http)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            using var response = await http.GetAsync("DashboardCounters", deadline.Token);
            if (response.IsSuccessStatusCode)
            {
                var counters = JsonDocument.Parse(await response.Content.ReadAsStringAsync(deadline.Token));
                if (counters.RootElement.TryGetProperty("totalActiveHostCount", out var hosts) && hosts.GetInt32() > 0)
                {
                    return counters;
                }

                counters.Dispose();
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200), deadline.Token);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
