namespace JailCluster.Kernel.Telemetry;

using System.Diagnostics;
using JailCluster.Telemetry;

/// <summary>The kernel's activity source: one span per simulated kernel function.</summary>
public static class KernelTelemetry
{
    /// <summary>The source, named <see cref="TelemetryNames.KernelSource"/>.</summary>
    public static readonly ActivitySource Source = new(TelemetryNames.KernelSource, "1.0.0");
}
