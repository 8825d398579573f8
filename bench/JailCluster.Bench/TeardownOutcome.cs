namespace JailCluster.Bench;

/// <summary>What one teardown of many jails took and did.</summary>
public sealed record TeardownOutcome
{
    /// <summary>Jails built.</summary>
    public required int Jails { get; init; }

    /// <summary>Seconds from the first teardown command until every host settled.</summary>
    public required double Seconds { get; init; }

    /// <summary>Seconds the build took.</summary>
    public required double BuildSeconds { get; init; }

    /// <summary>Hosts that panicked.</summary>
    public required int Panics { get; init; }

    /// <summary>Jails on hosts that did not panic whose commands all succeeded.</summary>
    public required int Clean { get; init; }

    /// <summary>Commands that failed for another reason than a panicked host.</summary>
    public required int Failed { get; init; }

    /// <summary>True when every host settled within the timeout.</summary>
    public required bool Settled { get; init; }

    /// <summary>Grain calls the silos received during the teardown, by method (empty when not counted).</summary>
    public IReadOnlyDictionary<string, long> Calls { get; init; } = new Dictionary<string, long>();

    /// <summary>
    /// What the silos did during the teardown: processor time, the bytes their garbage collectors had to take, the
    /// methods they compiled and their pauses for collection.
    /// </summary>
    public SiloWork Silos { get; init; } = new(0, 0, 0, 0);

    /// <summary>Jails per second of teardown.</summary>
    public double TeardownsPerSecond => Seconds > 0 ? Jails / Seconds : 0;

    /// <summary>Grain calls per second of teardown.</summary>
    public double CallsPerSecond => Seconds > 0 ? Calls.Values.Sum() / Seconds : 0;
}
