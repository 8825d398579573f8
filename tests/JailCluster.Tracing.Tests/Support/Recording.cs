using System.Diagnostics;
using JailCluster.Telemetry;
using JailCluster.Tracing.Export;
using JailCluster.Tracing.Hosting;
using OpenTelemetry.Trace;

namespace JailCluster.Tracing.Tests.Support;

/// <summary>Records synthetic teardowns through the real wiring into a trace directory.</summary>
public static class Recording
{
    public const string Service = "jailctl-test";

    public static readonly DateTime T0 = new(2026, 12, 3, 18, 0, 0, DateTimeKind.Utc);

    public static TracerProvider Provider(string directory, TraceSampling sampling, double share = 0.1) =>
        JailClusterTelemetry.CreateTracerProvider(Service, "test-instance", o =>
        {
            o.Directory = directory;
            o.Sampling = sampling;
            o.CleanShare = share;
        });

    /// <summary>Records teardowns (jail name, panic?) and shuts the provider down, which writes every file.</summary>
    public static List<SyntheticTeardown> Record(
        string directory,
        TraceSampling sampling,
        double share,
        params (string Jail, bool Panic)[] teardowns)
    {
        using var client = new ActivitySource(TelemetryNames.ClientSource);
        using var kernel = new ActivitySource(TelemetryNames.KernelSource);
        var recorded = new List<SyntheticTeardown>();
        using (Provider(directory, sampling, share))
        {
            var start = T0;
            foreach (var (jail, panic) in teardowns)
            {
                recorded.Add(new SyntheticTeardown(client, kernel, start).Record(jail, panic));
                start = start.AddSeconds(1);
            }
        }

        return recorded;
    }

    /// <summary>A finished span of the given trace, made without any listener.</summary>
    public static Activity Span(ActivityTraceId traceId, ActivityStatusCode status = ActivityStatusCode.Unset)
    {
        var span = new Activity("epair_qflush");
        span.SetParentId(traceId, ActivitySpanId.CreateRandom(), ActivityTraceFlags.Recorded);
        span.Start();
        span.SetStatus(status);
        span.Stop();
        return span;
    }

    public static ActivityTraceId TraceId(Random random)
    {
        var bytes = new byte[16];
        random.NextBytes(bytes);
        return ActivityTraceId.CreateFromBytes(bytes);
    }
}
