using JailCluster.Telemetry;
using JailCluster.Tracing.Export;
using OpenTelemetry;
using OpenTelemetry.Trace;

namespace JailCluster.Tracing.Hosting;

/// <summary>Wires JailCluster's sources and exporters into an OpenTelemetry tracer provider.</summary>
public static class JailClusterTracingExtensions
{
    /// <summary>
    /// Everything a JailCluster process (silo or client) needs: the sources <c>JailCluster.Kernel</c> and
    /// <c>JailCluster.Client</c>, the trace files unless sampling is <see cref="TraceSampling.Off"/>, and the
    /// OTLP exporter when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set. The OTLP exporter receives every span;
    /// sampling applies to the files only, so a collector can choose for itself. With sampling off and no
    /// OTLP endpoint nothing would receive a span, so no source is listened to and no span is even created
    /// (<see cref="IsTracing"/>). Orleans' own sources, a client and a server span per grain call, are not
    /// listened to: a span crosses grain calls as an argument of the calls that start kernel work
    /// (<see cref="TraceContext"/>). Call it once per process: a process owns one trace file.
    /// </summary>
    /// <param name="builder">The tracer provider builder.</param>
    /// <param name="configure">Adjusts the file options after the environment has been applied.</param>
    public static TracerProviderBuilder AddJailClusterTracing(
        this TracerProviderBuilder builder,
        Action<TraceFileOptions>? configure = null)
    {
        var options = ReadOptions(configure);
        if (!Traces(options))
        {
            return builder;
        }

        builder.AddSource(TelemetryNames.KernelSource, TelemetryNames.ClientSource);
        AddTraceFiles(builder, options);
        if (OtlpEndpointSet)
        {
            builder.AddOtlpExporter();
        }

        return builder;
    }

    /// <summary>
    /// Whether this process records spans at all, from the same settings as <see cref="AddJailClusterTracing"/>:
    /// trace files not off, or an OTLP endpoint.
    /// </summary>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">A setting is out of range.</exception>
    public static bool IsTracing(Action<TraceFileOptions>? configure = null) => Traces(ReadOptions(configure));

    private static bool OtlpEndpointSet =>
        !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(TracingNames.OtlpEndpointVariable));

    private static bool Traces(TraceFileOptions options) => options.Sampling != TraceSampling.Off || OtlpEndpointSet;

    /// <summary>
    /// Adds the OTLP-JSON trace files: options from <see cref="TraceFileOptions.FromEnvironment"/>, then
    /// <paramref name="configure"/>, validated. Adds nothing when sampling is <see cref="TraceSampling.Off"/>.
    /// </summary>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">A setting is out of range.</exception>
    public static TracerProviderBuilder AddJailClusterTraceFiles(
        this TracerProviderBuilder builder,
        Action<TraceFileOptions>? configure = null) => AddTraceFiles(builder, ReadOptions(configure));

    private static TraceFileOptions ReadOptions(Action<TraceFileOptions>? configure)
    {
        var options = TraceFileOptions.FromEnvironment();
        configure?.Invoke(options);
        TraceFileOptionsValidator.ThrowIfInvalid(options);
        return options;
    }

    private static TracerProviderBuilder AddTraceFiles(TracerProviderBuilder builder, TraceFileOptions options)
    {
        if (options.Sampling == TraceSampling.Off)
        {
            return builder;
        }

        var exporter = new TraceFileExporter(options);

        // Marks are taken when a span ends, not when its batch is exported, so that other processes learn
        // of a panic as early as possible.
        builder.AddProcessor(new TraceKeepProcessor(exporter.Keep, exporter.Open));
        var interval = (int)options.ExportInterval.TotalMilliseconds;
        return builder.AddProcessor(new BatchActivityExportProcessor(
            exporter,
            maxQueueSize: 65_536,
            scheduledDelayMilliseconds: interval,
            exporterTimeoutMilliseconds: 30_000,
            maxExportBatchSize: 4096));
    }
}
