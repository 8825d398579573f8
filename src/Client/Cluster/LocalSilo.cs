namespace JailCluster.Client.Cluster;

/// <summary>One silo process started by <c>cluster up</c>.</summary>
public sealed record LocalSilo
{
    /// <summary>The silo's name in membership.</summary>
    public required string Name { get; init; }

    /// <summary>The process id, as the silo reported it.</summary>
    public required int Pid { get; init; }

    /// <summary>Silo-to-silo port on 127.0.0.1.</summary>
    public required int SiloPort { get; init; }

    /// <summary>Client gateway port on 127.0.0.1.</summary>
    public required int GatewayPort { get; init; }

    /// <summary>True for the silo holding the development membership table.</summary>
    public required bool Primary { get; init; }

    /// <summary>The silo's log file.</summary>
    public required string LogFile { get; init; }
}
