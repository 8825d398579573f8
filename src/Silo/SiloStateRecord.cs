namespace JailCluster.Silo;

/// <summary>
/// What a running silo tells <c>jailctl</c> about itself, as the JSON file <c>silos/PORT.json</c> in the state
/// directory. <c>jailctl</c> reads the same field names.
/// </summary>
public sealed record SiloStateRecord
{
    /// <summary>The silo process's id.</summary>
    public required int Pid { get; init; }

    /// <summary>The silo's name in membership.</summary>
    public required string Name { get; init; }

    /// <summary>The address the silo listens on.</summary>
    public required string Address { get; init; }

    /// <summary>Silo-to-silo port.</summary>
    public required int SiloPort { get; init; }

    /// <summary>Client gateway port.</summary>
    public required int GatewayPort { get; init; }

    /// <summary>True for the silo holding the development membership table.</summary>
    public required bool Primary { get; init; }

    /// <summary>The Orleans cluster id.</summary>
    public required string ClusterId { get; init; }

    /// <summary>When the silo finished starting.</summary>
    public required DateTimeOffset StartedAt { get; init; }
}
