namespace JailCluster.EndToEnd.Tests;

/// <summary>The tests that share one Redis-clustered cluster.</summary>
[CollectionDefinition(Name)]
public sealed class RedisClusterCollection : ICollectionFixture<RedisClusterFixture>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "redis cluster";
}
