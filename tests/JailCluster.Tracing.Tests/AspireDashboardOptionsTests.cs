using JailCluster.Tracing.Dashboard;
using Microsoft.Extensions.Options;

namespace JailCluster.Tracing.Tests;

public sealed class AspireDashboardOptionsTests
{
    [Fact]
    public void DefaultsAreTheDashboardsUsualLoopbackPorts()
    {
        var options = new AspireDashboardOptions();

        Assert.True(new AspireDashboardOptionsValidator().Validate(null, options).Succeeded);
        Assert.Equal((18888, 18889, 18890), (options.FrontendPort, options.OtlpGrpcPort, options.OtlpHttpPort));
    }

    [Fact]
    public void BadSettingsAreRefusedNamingEachOne()
    {
        var options = new AspireDashboardOptions
        {
            FrontendPort = 70000,
            OtlpGrpcPort = 18890,
            MaxTraceCount = 0,
            ExecutablePath = "/nonexistent/Aspire.Dashboard",
        };

        var error = Assert.Throws<OptionsValidationException>(() =>
            AspireDashboardOptionsValidator.ThrowIfInvalid(options));

        Assert.Contains("FrontendPort=70000 must be a TCP port", error.Message, StringComparison.Ordinal);
        Assert.Contains(
            "OtlpGrpcPort=18890 and OtlpHttpPort=18890 must differ", error.Message, StringComparison.Ordinal);
        Assert.Contains("MaxTraceCount=0 must be at least 1", error.Message, StringComparison.Ordinal);
        Assert.Contains("ExecutablePath='/nonexistent/Aspire.Dashboard' does not exist", error.Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartingWithoutAnExecutableSaysWhatToRestore()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => AspireDashboard.StartAsync(
            new AspireDashboardOptions { ExecutablePath = "/nonexistent/Aspire.Dashboard" }));

        Assert.Contains("ExecutablePath", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://127.0.0.1:18890", "http://127.0.0.1:18890/v1/traces")]
    [InlineData("http://127.0.0.1:18890/", "http://127.0.0.1:18890/v1/traces")]
    [InlineData("http://127.0.0.1:18890/v1/traces", "http://127.0.0.1:18890/v1/traces")]
    [InlineData("http://127.0.0.1:4318/collector/", "http://127.0.0.1:4318/collector/v1/traces")]
    public void ReplayPostsToTheTracesPathUnderTheEndpoint(string endpoint, string expected)
    {
        Assert.Equal(new Uri(expected), TraceReplayer.TracesUri(new Uri(endpoint)));
    }
}
