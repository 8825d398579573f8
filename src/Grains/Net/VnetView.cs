namespace JailCluster.Kernel.Net;

/// <summary>A debugger's view of a vnet's tables.</summary>
[GenerateSerializer, Immutable, Alias("jc.VnetView")]
public sealed record VnetView
{
    /// <summary>The vnet's address.</summary>
    [Id(0)] public ulong Address { get; init; }

    /// <summary>Name: vnet0, or the jail's name.</summary>
    [Id(1)] public string Name { get; init; } = "";

    /// <summary>True once freed.</summary>
    [Id(2)] public bool Freed { get; init; }

    /// <summary>V_ifnet in order.</summary>
    [Id(3)] public IReadOnlyList<VnetEntry> Ifnets { get; init; } = [];

    /// <summary>The ifindex table: slot to ifnet, 0 for a free slot; slot 0 is never used.</summary>
    [Id(4)] public IReadOnlyList<ulong> Index { get; init; } = [];

    /// <summary>The vnet's epair cloner.</summary>
    [Id(5)] public ulong Cloner { get; init; }

    /// <summary>Silent corruption recorded so far.</summary>
    [Id(6)] public IReadOnlyList<VnetDamage> Damage { get; init; } = [];
}
