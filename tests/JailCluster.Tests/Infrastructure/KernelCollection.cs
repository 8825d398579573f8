namespace JailCluster.Tests.Infrastructure;

/// <summary>The tests that share <see cref="KernelClusterFixture"/>.</summary>
[CollectionDefinition(Name)]
public sealed class KernelCollection : ICollectionFixture<KernelClusterFixture>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "kernel cluster";
}
