namespace JailCluster.EndToEnd.Tests;

/// <summary>The tests that share one local cluster.</summary>
[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "local cluster";
}
