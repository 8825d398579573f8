namespace JailCluster.Kernel.Kern;

/// <summary>A thread asleep in the kernel, for <c>procstat -kk</c>.</summary>
[GenerateSerializer, Immutable, Alias("jc.BlockedThread")]
public sealed record BlockedThread
{
    /// <summary>Process id.</summary>
    [Id(0)] public int Pid { get; init; }

    /// <summary>Thread id.</summary>
    [Id(1)] public int Tid { get; init; }

    /// <summary>Thread name.</summary>
    [Id(2)] public string Thread { get; init; } = "";

    /// <summary>What it sleeps on: a lock name or <c>fail point a3</c>.</summary>
    [Id(3)] public string WaitChannel { get; init; } = "";

    /// <summary>The simulated stack, innermost first.</summary>
    [Id(4)] public IReadOnlyList<string> Stack { get; init; } = [];
}
