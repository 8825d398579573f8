using System.Globalization;

namespace JailCluster.Tracing.Export;

/// <summary>Settings of the OTLP-JSON trace files.</summary>
public sealed class TraceFileOptions
{
    /// <summary>The default traces directory, relative to the working directory.</summary>
    public const string DefaultDirectory = "traces";

    /// <summary>
    /// The directory all processes of a cluster write their trace files into. Default: the value of
    /// <c>JAILCLUSTER_TRACES_DIR</c>, else <c>traces</c> under the working directory.
    /// </summary>
    public string Directory { get; set; } = DefaultDirectory;

    /// <summary>Which traces are kept. Default: <see cref="TraceSampling.PanicsAndShare"/>.</summary>
    public TraceSampling Sampling { get; set; } = TraceSampling.PanicsAndShare;

    /// <summary>
    /// The share of clean traces kept under <see cref="TraceSampling.PanicsAndShare"/>, from 0 to 1.
    /// Default: 0.1.
    /// </summary>
    public double CleanShare { get; set; } = 0.1;

    /// <summary>
    /// How long a process holds the spans of a trace that is not (yet) to be kept after that trace's last
    /// span ended here, waiting for any process to mark it. It must cover a teardown from its first span
    /// to its panic, pauses at fail points included. Default: 60 s, or <c>JAILCLUSTER_TRACES_GRACE</c>
    /// in seconds.
    /// </summary>
    public TimeSpan GracePeriod { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// How often finished spans are handed to the file exporter and held traces are reviewed. Default: 1 s.
    /// </summary>
    public TimeSpan ExportInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The most spans held for undecided traces; beyond it the oldest undecided traces are dropped early.
    /// Default: 200 000.
    /// </summary>
    public int MaxHeldSpans { get; set; } = 200_000;

    /// <summary>
    /// Options with the defaults, overridden by <c>JAILCLUSTER_TRACES_DIR</c>,
    /// <c>JAILCLUSTER_TRACES_SAMPLING</c> (<c>off</c>, <c>all</c>, or a share: <c>0.25</c>, <c>25%</c>) and
    /// <c>JAILCLUSTER_TRACES_GRACE</c> (seconds).
    /// </summary>
    /// <exception cref="FormatException">A variable holds none of those.</exception>
    public static TraceFileOptions FromEnvironment()
    {
        var options = new TraceFileOptions();
        var directory = Environment.GetEnvironmentVariable(TracingNames.TracesDirVariable);
        if (!string.IsNullOrWhiteSpace(directory))
        {
            options.Directory = directory;
        }

        var sampling = Environment.GetEnvironmentVariable(TracingNames.TracesSamplingVariable);
        if (!string.IsNullOrWhiteSpace(sampling))
        {
            options.ApplySampling(sampling);
        }

        var grace = Environment.GetEnvironmentVariable(TracingNames.TracesGraceVariable);
        if (!string.IsNullOrWhiteSpace(grace))
        {
            if (!double.TryParse(grace, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)
                || seconds < 0 || seconds > TimeSpan.MaxValue.TotalSeconds)
            {
                throw new FormatException(
                    $"{TracingNames.TracesGraceVariable}='{grace}' is not a number of seconds.");
            }

            options.GracePeriod = TimeSpan.FromSeconds(seconds);
        }

        return options;
    }

    /// <summary>
    /// Sets <see cref="Sampling"/> and <see cref="CleanShare"/> from <c>off</c>, <c>all</c>, <c>0.1</c> or <c>10%</c>.
    /// </summary>
    /// <exception cref="FormatException">The text is none of those.</exception>
    public void ApplySampling(string text)
    {
        var value = text.Trim();
        if (value.Equals("off", StringComparison.OrdinalIgnoreCase))
        {
            Sampling = TraceSampling.Off;
            return;
        }

        if (value.Equals("all", StringComparison.OrdinalIgnoreCase))
        {
            Sampling = TraceSampling.All;
            return;
        }

        var percent = value.EndsWith('%');
        var number = percent ? value[..^1] : value;
        if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var share))
        {
            throw new FormatException(
                $"{TracingNames.TracesSamplingVariable}='{text}' is not 'off', 'all' or a share such as 0.1 or 10%.");
        }

        Sampling = TraceSampling.PanicsAndShare;
        CleanShare = percent ? share / 100 : share;
    }

    /// <summary>The directory as an absolute path.</summary>
    public string ResolveDirectory() => Path.GetFullPath(Directory);
}
