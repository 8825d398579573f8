namespace JailCluster.Tracing.Dashboard;

/// <summary>
/// Settings of a standalone Aspire dashboard started by <see cref="AspireDashboard.StartAsync"/>. It always
/// listens on 127.0.0.1 only, with anonymous access to its pages, its OTLP endpoints and its telemetry API.
/// </summary>
public sealed class AspireDashboardOptions
{
    /// <summary>The package that carries the dashboard executable.</summary>
    public const string PackageId = "Aspire.Dashboard.Sdk.linux-x64";

    /// <summary>The package version this code was checked against; preferred when several are restored.</summary>
    public const string PackageVersion = "13.6.5";

    /// <summary>Environment variable naming the dashboard executable, overriding the NuGet lookup.</summary>
    public const string ExecutableVariable = "JAILCLUSTER_ASPIRE_DASHBOARD";

    /// <summary>
    /// The dashboard executable. Default: <c>JAILCLUSTER_ASPIRE_DASHBOARD</c>, else
    /// <c>tools/Aspire.Dashboard</c> of the restored <see cref="PackageId"/> package in the NuGet packages
    /// folder (<c>NUGET_PACKAGES</c>, else <c>~/.nuget/packages</c>).
    /// </summary>
    public string? ExecutablePath { get; set; }

    /// <summary>Port of the web pages and of the telemetry API; 0 picks a free port. Default: 18888.</summary>
    public int FrontendPort { get; set; } = 18888;

    /// <summary>Port of the OTLP/gRPC endpoint; 0 picks a free port. Default: 18889.</summary>
    public int OtlpGrpcPort { get; set; } = 18889;

    /// <summary>Port of the OTLP/HTTP endpoint (<c>/v1/traces</c>); 0 picks a free port. Default: 18890.</summary>
    public int OtlpHttpPort { get; set; } = 18890;

    /// <summary>The most traces the dashboard keeps in memory. Default: 10 000.</summary>
    public int MaxTraceCount { get; set; } = 10_000;

    /// <summary>How long to wait for the dashboard to answer after starting it. Default: 60 s.</summary>
    public TimeSpan StartTimeout { get; set; } = TimeSpan.FromSeconds(60);
}
