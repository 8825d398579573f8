namespace JailCluster.Client.Cluster;

/// <summary>What <c>cluster up</c> started, as <c>cluster.json</c> in the state directory.</summary>
public sealed record ClusterState
{
    /// <summary>The Orleans cluster id.</summary>
    public required string ClusterId { get; init; }

    /// <summary>The Orleans service id.</summary>
    public required string ServiceId { get; init; }

    /// <summary>Redis connection string, when membership lives in Redis.</summary>
    public string? Redis { get; init; }

    /// <summary>The silos, primary first.</summary>
    public required IReadOnlyList<LocalSilo> Silos { get; init; }

    /// <summary>When the cluster was started.</summary>
    public DateTimeOffset StartedAt { get; init; }
}
