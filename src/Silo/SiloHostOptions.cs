namespace JailCluster.Silo;

/// <summary>
/// How one silo process joins the cluster. Bound from the <c>Silo</c> section of configuration (command line
/// switches such as <c>--silo-port</c> map onto it), except <see cref="RedisConnectionString"/>, which comes from
/// <c>Clustering:Redis</c>.
/// </summary>
public sealed class SiloHostOptions
{
    /// <summary>The configuration section the options are bound from.</summary>
    public const string SectionName = "Silo";

    /// <summary>The Orleans cluster id. Default: <c>jailcluster</c>.</summary>
    public string ClusterId { get; set; } = "jailcluster";

    /// <summary>The Orleans service id. Default: <c>jailcluster</c>.</summary>
    public string ServiceId { get; set; } = "jailcluster";

    /// <summary>A name for this silo in membership and logs. Default: <c>silo-</c> and the silo port.</summary>
    public string? Name { get; set; }

    /// <summary>
    /// The loopback or machine address the silo listens on and advertises. Default: <c>127.0.0.1</c>. Localhost
    /// clustering always uses 127.0.0.1; a routable address needs Redis clustering and
    /// <see cref="AllowExternalAddress"/>.
    /// </summary>
    public string Address { get; set; } = "127.0.0.1";

    /// <summary>
    /// Lets the silo listen on an address other than loopback, where other machines can reach its silo and gateway
    /// ports. Default: false, and a silo asked for such an address refuses to start.
    /// </summary>
    public bool AllowExternalAddress { get; set; }

    /// <summary>Silo-to-silo port. Default: 11111.</summary>
    public int SiloPort { get; set; } = 11111;

    /// <summary>Client gateway port. Default: 30000.</summary>
    public int GatewayPort { get; set; } = 30000;

    /// <summary>
    /// Silo port of the primary silo, which holds the development membership table. Default: 0, meaning this
    /// silo is the primary. Ignored with Redis clustering.
    /// </summary>
    public int PrimarySiloPort { get; set; }

    /// <summary>
    /// Where the silo writes its state file (pid and ports) for <c>jailctl</c>. Default: none, in which case the
    /// silo writes nothing.
    /// </summary>
    public string? StateDirectory { get; set; }

    /// <summary>
    /// A process id to watch: when that process exits, the silo shuts down. Default: 0, watch nothing. Test
    /// fixtures set it so that no silo outlives a killed test run.
    /// </summary>
    public int WatchPid { get; set; }

    /// <summary>
    /// How many grain addresses the silo's grain directory cache keeps, least recently used first out. Default:
    /// Orleans' 1,000,000. A simulated jail is six short-lived kernel objects, and every silo that sends to one
    /// caches its address until it is evicted, so the default cache grows by about 17 entries (4 KiB) per jail on
    /// three silos and keeps them after the jail is gone; a smaller one bounds that memory, at a processor cost
    /// this machine could not tell from noise (bench/README.md, "Memory, attributed with heap dumps"). 0 turns the
    /// cache off; Orleans keeps at least 3.
    /// </summary>
    public int DirectoryCacheSize { get; set; } = 1_000_000;

    /// <summary>Redis connection string; when set, membership lives in Redis instead of the primary silo.</summary>
    public string? RedisConnectionString { get; set; }

    /// <summary>The silo's name, defaulted from its port.</summary>
    public string EffectiveName => string.IsNullOrWhiteSpace(Name) ? $"silo-{SiloPort}" : Name;

    /// <summary>True when this silo holds the development membership table.</summary>
    public bool IsPrimary => RedisConnectionString is null && (PrimarySiloPort == 0 || PrimarySiloPort == SiloPort);
}
