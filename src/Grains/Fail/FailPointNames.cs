namespace JailCluster.Kernel.Fail;

/// <summary>
/// The fail points this kernel has: one before every labelled step of the reference (a1..a13, b0..b9),
/// one just before any thread takes <c>ifnet_detach_sxlock</c>, and one inside
/// <c>epair_qflush</c> between its two loads, the only way to force the use after free of case 3.
/// </summary>
public static class FailPointNames
{
    /// <summary>Fires before a thread calls <c>sx_xlock(&amp;ifnet_detach_sxlock)</c>.</summary>
    public const string IfnetDetachSxlock = "ifnet_detach_sxlock";

    /// <summary>Fires inside A7's <c>epair_qflush</c> between reading <c>sc</c> and reading through it.</summary>
    public const string EpairQflushSc = "epair_qflush_sc";

    /// <summary>Every name.</summary>
    public static IReadOnlyList<string> All { get; } =
        Enumerable.Range(1, 13).Select(i => "a" + i)
            .Concat(Enumerable.Range(0, 10).Select(i => "b" + i))
            .Append(IfnetDetachSxlock)
            .Append(EpairQflushSc)
            .ToArray();

    /// <summary>True for a known name.</summary>
    public static bool IsKnown(string name) => All.Contains(name);
}
