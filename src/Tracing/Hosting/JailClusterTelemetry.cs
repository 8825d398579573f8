using JailCluster.Tracing.Export;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace JailCluster.Tracing.Hosting;

/// <summary>One call per process to trace as JailCluster does, hosted (silos) or not (jailctl).</summary>
public static class JailClusterTelemetry
{
    /// <summary>
    /// The resource every JailCluster process reports: <c>service.name</c>, <c>service.instance.id</c>
    /// (a new id unless given) and <c>process.pid</c>.
    /// </summary>
    public static ResourceBuilder ConfigureJailClusterResource(
        this ResourceBuilder resource,
        string serviceName,
        string? serviceInstanceId = null) =>
        resource
            .AddService(
                serviceName,
                serviceInstanceId: serviceInstanceId,
                autoGenerateServiceInstanceId: serviceInstanceId is null)
            .AddAttributes([new KeyValuePair<string, object>(TracingNames.ProcessPid, (long)Environment.ProcessId)]);

    /// <summary>
    /// Registers OpenTelemetry tracing for a hosted process (a silo): the resource and
    /// <see cref="JailClusterTracingExtensions.AddJailClusterTracing"/>. The host's shutdown flushes the files.
    /// </summary>
    public static IServiceCollection AddJailClusterTelemetry(
        this IServiceCollection services,
        string serviceName,
        string? serviceInstanceId = null,
        Action<TraceFileOptions>? configure = null)
    {
        services.AddOpenTelemetry()
            .ConfigureResource(r => r.ConfigureJailClusterResource(serviceName, serviceInstanceId))
            .WithTracing(t => t.AddJailClusterTracing(configure));
        return services;
    }

    /// <summary>
    /// A tracer provider for a process without a host (jailctl). Dispose it before exiting: that writes
    /// the last batch and the held spans.
    /// </summary>
    public static TracerProvider CreateTracerProvider(
        string serviceName,
        string? serviceInstanceId = null,
        Action<TraceFileOptions>? configure = null) =>
        Sdk.CreateTracerProviderBuilder()
            .SetResourceBuilder(
                ResourceBuilder.CreateDefault().ConfigureJailClusterResource(serviceName, serviceInstanceId))
            .AddJailClusterTracing(configure)
            .Build();
}
