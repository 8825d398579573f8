namespace JailCluster.OrleansDashboard;

/// <summary>
/// Settings of the Orleans dashboard a silo serves, bound from the <c>OrleansDashboard</c> configuration section
/// (<c>--OrleansDashboard:Enabled=true</c>, <c>JAILCLUSTER_OrleansDashboard__Port=18081</c>, ...).
/// </summary>
public sealed class OrleansDashboardOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "OrleansDashboard";

    /// <summary>Whether the silo serves the dashboard at all. Default: false.</summary>
    public bool Enabled { get; set; }

    /// <summary>
    /// The loopback address the dashboard listens on; any other address is refused, since the dashboard has no
    /// authentication of its own. Default: <c>127.0.0.1</c>.
    /// </summary>
    public string Address { get; set; } = "127.0.0.1";

    /// <summary>
    /// The TCP port of the dashboard's pages; every silo on one machine needs its own. Default: 8080.
    /// </summary>
    public int Port { get; set; } = 8080;

    /// <summary>The path the dashboard is served under, or null for the root. Default: null.</summary>
    public string? RoutePrefix { get; set; }

    /// <summary>How often the dashboard refreshes its counters. Default: 1 s.</summary>
    public TimeSpan CounterUpdateInterval { get; set; } = TimeSpan.FromSeconds(1);
}
