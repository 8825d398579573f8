namespace JailCluster.Hosts;

/// <summary>
/// The kernel versions a simulated host can boot, oldest first. They are cumulative, as in FreeBSD's
/// history: each one carries every change of the versions before it.
/// </summary>
public static class KernelVersion
{
    /// <summary>FreeBSD 12.1 (2019): the code in which the pf test suite hit the panic.</summary>
    public const string Release121 = "12.1";

    /// <summary>r368020 (Nov 2020): <c>vnet_if_return</c> unlinks every foreign ifnet under the lock first.</summary>
    public const string R368020 = "r368020";

    /// <summary>r368237 (Dec 2020): the global recursive sx <c>ifnet_detach_sxlock</c>.</summary>
    public const string R368237 = "r368237";

    /// <summary>The 2021 epair rework: <c>epair_qflush</c> no longer touches the softc.</summary>
    public const string Epair2021 = "epair-2021";

    /// <summary>D56374: the sx covers the whole detach and move, and a failed detach panics.</summary>
    public const string D56374 = "D56374";

    /// <summary>Every version, oldest first.</summary>
    public static IReadOnlyList<string> All { get; } = [Release121, R368020, R368237, Epair2021, D56374];

    /// <summary>The position of <paramref name="version"/> in <see cref="All"/>, or -1 when unknown.</summary>
    public static int Ordinal(string version) => All.ToList().IndexOf(version);

    /// <summary>True when <paramref name="version"/> names a known kernel.</summary>
    public static bool IsKnown(string? version) => version is not null && Ordinal(version) >= 0;
}
