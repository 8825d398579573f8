namespace JailCluster.Client.Teardown;

using JailCluster.Commands;

/// <summary>The outcome of a mass teardown, as its table shows it and as <c>--json FILE</c> stores it.</summary>
public sealed record TeardownReport
{
    /// <summary>Kernel version the hosts ran.</summary>
    public required string Kernel { get; init; }

    /// <summary>Teardown pattern name.</summary>
    public required string Pattern { get; init; }

    /// <summary>The seed.</summary>
    public required int Seed { get; init; }

    /// <summary>Number of hosts.</summary>
    public required int Hosts { get; init; }

    /// <summary>The hosts' names.</summary>
    public required IReadOnlyList<string> HostNames { get; init; }

    /// <summary>Jails built or attempted, over all hosts.</summary>
    public required int Jails { get; init; }

    /// <summary>Jails torn down with every command succeeding, on a host that did not panic.</summary>
    public required int JailsClean { get; init; }

    /// <summary>Jails on a host that panicked.</summary>
    public required int JailsLostWithPanic { get; init; }

    /// <summary>Jails on a host that crashed: its kernel memory was on a silo that died.</summary>
    public int JailsLostWithCrash { get; init; }

    /// <summary>Jails on a surviving host for which a command failed.</summary>
    public required int JailsWithErrors { get; init; }

    /// <summary>Jails whose building never finished (interrupted run).</summary>
    public int JailsNotBuilt { get; init; }

    /// <summary>Jails whose teardown never started (interrupted run).</summary>
    public int JailsNotTornDown { get; init; }

    /// <summary>Number of hosts that panicked.</summary>
    public required int HostsPanicked { get; init; }

    /// <summary>The panics' ids.</summary>
    public required IReadOnlyList<string> PanicIds { get; init; }

    /// <summary>Each panicked host with its panic.</summary>
    public required IReadOnlyList<HostPanic> Panics { get; init; }

    /// <summary>Number of hosts that crashed with a silo.</summary>
    public int HostsCrashed { get; init; }

    /// <summary>Each crashed host with the reason it gives.</summary>
    public IReadOnlyList<HostCrash> Crashes { get; init; } = [];

    /// <summary>Invariant-checker findings on the surviving hosts.</summary>
    public required IReadOnlyList<CheckFinding> Findings { get; init; }

    /// <summary>Findings counted by kind.</summary>
    public required IReadOnlyDictionary<string, int> FindingsByKind { get; init; }

    /// <summary>
    /// Failed commands on hosts that did not crash, counted by errno name (or <c>exit N</c> when the command named
    /// none).
    /// </summary>
    public required IReadOnlyDictionary<string, int> Errors { get; init; }

    /// <summary>
    /// Commands refused because their host had already panicked (not counted in <see cref="Errors"/>).
    /// </summary>
    public int CommandsRefusedAfterPanic { get; init; }

    /// <summary>
    /// Commands refused by a crashed host, or lost with the silo that died under them (not counted in
    /// <see cref="Errors"/>).
    /// </summary>
    public int CommandsLostWithCrash { get; init; }

    /// <summary>A few failed commands, for a first look.</summary>
    public required IReadOnlyList<FailedCommand> ErrorSamples { get; init; }

    /// <summary>Seconds from the first teardown command until every host settled (or panicked).</summary>
    public required double DurationSeconds { get; init; }

    /// <summary>Seconds spent booting hosts and building jails.</summary>
    public required double BuildSeconds { get; init; }

    /// <summary>Jails torn down per second of <see cref="DurationSeconds"/>.</summary>
    public required double TeardownsPerSecond { get; init; }

    /// <summary>False when some host still had dying jails at the settle timeout.</summary>
    public required bool Settled { get; init; }

    /// <summary>True when Ctrl-C stopped the run; the counts are then partial.</summary>
    public required bool Interrupted { get; init; }

    /// <summary>Everything the run was asked for.</summary>
    public required TeardownOptionsReport Options { get; init; }
}
