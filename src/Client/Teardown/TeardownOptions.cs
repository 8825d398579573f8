namespace JailCluster.Client.Teardown;

using JailCluster.Hosts;

/// <summary>What a mass teardown builds and how it takes it apart.</summary>
public sealed record TeardownOptions
{
    /// <summary>Hosts to boot. Default: 3.</summary>
    public int Hosts { get; init; } = 3;

    /// <summary>Host names are this prefix and an index. Default: <c>host</c>.</summary>
    public string HostPrefix { get; init; } = "host";

    /// <summary>Jails per host. Default: 8.</summary>
    public int JailsPerHost { get; init; } = 8;

    /// <summary>
    /// Epairs per jail; the first goes in with <c>vnet.interface</c>, the others with <c>ifconfig X vnet J</c>.
    /// Default: 1.
    /// </summary>
    public int EpairsPerJail { get; init; } = 1;

    /// <summary>Processes (<c>jexec J sleep 3600</c>) per jail, each holding a reference. Default: 1.</summary>
    public int ProcessesPerJail { get; init; } = 1;

    /// <summary>Kernel version the hosts boot. Default: 12.1.</summary>
    public string Kernel { get; init; } = KernelVersion.Release121;

    /// <summary>Boot with INVARIANTS. Default: off.</summary>
    public bool Invariants { get; init; }

    /// <summary>Kernel grain placement. Default: spread.</summary>
    public KernelPlacement Placement { get; init; } = KernelPlacement.Spread;

    /// <summary>Wait lengths the hosts boot with. Default: the kernel's calibrated ones.</summary>
    public KernelTunables Tunables { get; init; } = KernelTunables.Default;

    /// <summary>The teardown pattern. Default: the 2019 helper's.</summary>
    public TeardownPattern Pattern { get; init; } = TeardownPattern.VnetSubr2019;

    /// <summary>Fail points set on every host before the jails are built, as <c>NAME=SPEC</c>.</summary>
    public IReadOnlyList<string> FailPoints { get; init; } = [];

    /// <summary>Commands in flight at once across the cluster. Default: 64.</summary>
    public int Concurrency { get; init; } = 64;

    /// <summary>Seed: host i boots with seed + i, and the order of jails is shuffled with it. Default: 1.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>How long to wait, after the last command, for dying jails to go. Default: 30 s.</summary>
    public TimeSpan SettleTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The names of the hosts.</summary>
    public IReadOnlyList<string> HostNames => [.. Enumerable.Range(0, Hosts).Select(i => $"{HostPrefix}{i}")];
}
