namespace JailCluster.Commands;

/// <summary>One kind of damage the invariant checker found in a host's kernel memory.</summary>
[GenerateSerializer, Immutable, Alias("jc.CheckFinding")]
public sealed record CheckFinding
{
    /// <summary>
    /// The kind, in kebab case: <c>leaked-ifnet</c>, <c>freed-ifnet-linked</c>, <c>index-slot-freed-twice</c>, ...
    /// </summary>
    [Id(0)] public required string Kind { get; init; }

    /// <summary>The host it was found on.</summary>
    [Id(1)] public required string Host { get; init; }

    /// <summary>
    /// The objects involved, each as <c>type name@address</c> (for example <c>ifnet epair0b@0xfffff80...</c>).
    /// </summary>
    [Id(2)] public IReadOnlyList<string> Objects { get; init; } = [];

    /// <summary>A sentence saying what is wrong.</summary>
    [Id(3)] public string Detail { get; init; } = "";
}
