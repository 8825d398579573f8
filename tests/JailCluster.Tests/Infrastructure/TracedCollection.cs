namespace JailCluster.Tests.Infrastructure;

/// <summary>The tests that share <see cref="TracedClusterFixture"/>.</summary>
[CollectionDefinition(Name)]
public sealed class TracedCollection : ICollectionFixture<TracedClusterFixture>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "traced kernel cluster";
}
