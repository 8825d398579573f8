namespace JailCluster.Client.Commands;

/// <summary>One silo as <c>cluster status --json</c> shows it.</summary>
public sealed record SiloStatus
{
    /// <summary>The silo's name in membership.</summary>
    public required string Name { get; init; }

    /// <summary>Orleans' silo address (endpoint and generation).</summary>
    public required string Address { get; init; }

    /// <summary>Membership status (Active, ShuttingDown, ...).</summary>
    public required string Status { get; init; }

    /// <summary>The process id, when the silo was started by this state directory's <c>cluster up</c>.</summary>
    public int? Pid { get; init; }

    /// <summary>Silo-to-silo port.</summary>
    public int SiloPort { get; init; }

    /// <summary>Client gateway port.</summary>
    public int GatewayPort { get; init; }

    /// <summary>True for the silo holding the development membership table.</summary>
    public bool Primary { get; init; }

    /// <summary>Grain activations on the silo.</summary>
    public int Activations { get; init; }

    /// <summary>Activations by grain type, with <c>--grains</c>.</summary>
    public IReadOnlyDictionary<string, int> Grains { get; init; } = new Dictionary<string, int>();
}
