namespace JailCluster.Kernel.Kern;

/// <summary>What <c>jls</c> and the kernel read of a prison under its mutex.</summary>
[GenerateSerializer, Immutable, Alias("jc.PrisonView")]
public sealed record PrisonView
{
    /// <summary>Address.</summary>
    [Id(0)] public ulong Address { get; init; }

    /// <summary>Jail id.</summary>
    [Id(1)] public int Jid { get; init; }

    /// <summary>Name.</summary>
    [Id(2)] public string Name { get; init; } = "";

    /// <summary>All references.</summary>
    [Id(3)] public int Ref { get; init; }

    /// <summary>User references: processes plus persist.</summary>
    [Id(4)] public int Uref { get; init; }

    /// <summary>PR_PERSIST.</summary>
    [Id(5)] public bool Persist { get; init; }

    /// <summary>The prison's own vnet, 0 when it shares its parent's.</summary>
    [Id(6)] public ulong Vnet { get; init; }

    /// <summary>True once removed and waiting for its references to drain.</summary>
    [Id(7)] public bool Dying { get; init; }

    /// <summary>Live processes in the jail.</summary>
    [Id(8)] public IReadOnlyList<int> Procs { get; init; } = [];

    /// <summary>True once freed.</summary>
    [Id(9)] public bool Freed { get; init; }
}
