namespace JailCluster.Client.Teardown;

/// <summary>The options of a teardown as its report records them.</summary>
public sealed record TeardownOptionsReport
{
    /// <summary>Kernel version.</summary>
    public required string Kernel { get; init; }

    /// <summary>Pattern name.</summary>
    public required string Pattern { get; init; }

    /// <summary>Seed.</summary>
    public required int Seed { get; init; }

    /// <summary>Hosts.</summary>
    public required int Hosts { get; init; }

    /// <summary>Jails per host.</summary>
    public required int JailsPerHost { get; init; }

    /// <summary>Epairs per jail.</summary>
    public required int EpairsPerJail { get; init; }

    /// <summary>Processes per jail.</summary>
    public required int ProcessesPerJail { get; init; }

    /// <summary>Commands in flight at once.</summary>
    public required int Concurrency { get; init; }

    /// <summary>Fail points set on every host.</summary>
    public required IReadOnlyList<string> FailPoints { get; init; }

    /// <summary>INVARIANTS kernel.</summary>
    public required bool Invariants { get; init; }

    /// <summary>Placement word.</summary>
    public required string Placement { get; init; }

    /// <summary>Tunables changed from the kernel's defaults, in microseconds.</summary>
    public required IReadOnlyDictionary<string, int> Tunables { get; init; }

    /// <summary>Build an options report from the options.</summary>
    public static TeardownOptionsReport From(TeardownOptions options) => new()
    {
        Kernel = options.Kernel,
        Pattern = TeardownPatterns.Name(options.Pattern),
        Seed = options.Seed,
        Hosts = options.Hosts,
        JailsPerHost = options.JailsPerHost,
        EpairsPerJail = options.EpairsPerJail,
        ProcessesPerJail = options.ProcessesPerJail,
        Concurrency = options.Concurrency,
        FailPoints = options.FailPoints,
        Invariants = options.Invariants,
        Placement = options.Placement == JailCluster.Hosts.KernelPlacement.HostLocal ? "local" : "spread",
        Tunables = Cli.TunableParser.Changed(options.Tunables),
    };
}
