using JailCluster.Tracing.Export;
using Microsoft.Extensions.Options;

namespace JailCluster.Tracing.Tests;

public sealed class TraceFileOptionsTests
{
    [Theory]
    [InlineData("off", TraceSampling.Off, 0.1)]
    [InlineData("ALL", TraceSampling.All, 0.1)]
    [InlineData("0.25", TraceSampling.PanicsAndShare, 0.25)]
    [InlineData("5%", TraceSampling.PanicsAndShare, 0.05)]
    public void SamplingTextSelectsModeAndShare(string text, TraceSampling sampling, double share)
    {
        var options = new TraceFileOptions();

        options.ApplySampling(text);

        Assert.Equal(sampling, options.Sampling);
        Assert.Equal(share, options.CleanShare, 10);
    }

    [Fact]
    public void EnvironmentSetsDirectorySamplingAndGrace()
    {
        string[] names =
            [TracingNames.TracesDirVariable, TracingNames.TracesSamplingVariable, TracingNames.TracesGraceVariable];
        var saved = names.Select(Environment.GetEnvironmentVariable).ToList();
        try
        {
            Environment.SetEnvironmentVariable(TracingNames.TracesDirVariable, "/var/tmp/jc-traces");
            Environment.SetEnvironmentVariable(TracingNames.TracesSamplingVariable, "25%");
            Environment.SetEnvironmentVariable(TracingNames.TracesGraceVariable, "90");

            var options = TraceFileOptions.FromEnvironment();

            Assert.Equal("/var/tmp/jc-traces", options.Directory);
            Assert.Equal(TraceSampling.PanicsAndShare, options.Sampling);
            Assert.Equal(0.25, options.CleanShare, 10);
            Assert.Equal(TimeSpan.FromSeconds(90), options.GracePeriod);
        }
        finally
        {
            for (var i = 0; i < names.Length; i++)
            {
                Environment.SetEnvironmentVariable(names[i], saved[i]);
            }
        }
    }

    [Fact]
    public void UnknownSamplingTextIsRejected() =>
        Assert.Throws<FormatException>(() => new TraceFileOptions().ApplySampling("most"));

    [Fact]
    public void ValidationNamesTheBadSettingAndValue()
    {
        var options = new TraceFileOptions { CleanShare = 1.5, GracePeriod = TimeSpan.FromSeconds(-1) };

        var error = Assert.Throws<OptionsValidationException>(() => TraceFileOptionsValidator.ThrowIfInvalid(options));

        Assert.Contains("CleanShare=1.5", error.Message, StringComparison.Ordinal);
        Assert.Contains("GracePeriod=-00:00:01", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DefaultsKeepPanicsAndOneCleanTraceInTen()
    {
        var options = new TraceFileOptions();

        Assert.Equal(TraceSampling.PanicsAndShare, options.Sampling);
        Assert.Equal(0.1, options.CleanShare);
        Assert.Equal("traces", options.Directory);
        Assert.Equal(TimeSpan.FromSeconds(60), options.GracePeriod);
        Assert.True(new TraceFileOptionsValidator().Validate(null, options).Succeeded);
    }
}
