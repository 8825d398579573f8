namespace JailCluster.Client.Cluster;

/// <summary>The state file a silo writes once it has started (field names shared with JailCluster.Silo).</summary>
public sealed record SiloStateRecord
{
    /// <summary>The silo process's id.</summary>
    public int Pid { get; init; }

    /// <summary>The silo's name in membership.</summary>
    public string Name { get; init; } = "";

    /// <summary>Silo-to-silo port.</summary>
    public int SiloPort { get; init; }

    /// <summary>Client gateway port.</summary>
    public int GatewayPort { get; init; }

    /// <summary>True for the primary silo.</summary>
    public bool Primary { get; init; }
}
