namespace JailCluster.Kernel.Kern;

/// <summary>
/// Synthetic text addresses of simulated kernel functions: stable per function name, so function
/// pointers stored in memory are plain numbers and reports show the same address on every run.
/// </summary>
public static class KFunctions
{
    /// <summary>Where the kernel's text starts (KERNBASE on amd64).</summary>
    public const ulong TextBase = 0xffffffff80000000UL;

    /// <summary>
    /// Every function whose address the kernel stores in memory. A pointer stored by one silo is called
    /// through on another, so the table must be whole in every process from the start, not learned on use.
    /// </summary>
    public static readonly IReadOnlyList<string> Stored = ["epair_qflush", "if_qflush", "ifdead_qflush"];

    private static readonly Dictionary<ulong, string> ByAddress = [];
    private static readonly Lock Gate = new();

    static KFunctions()
    {
        foreach (var function in Stored)
        {
            Address(function);
        }
    }

    /// <summary>The address of a function.</summary>
    public static ulong Address(string function)
    {
        var a = TextBase + (((ulong)Hash(function) % 0x3ff0000UL) & ~0xfUL) + 0x10000UL;
        lock (Gate)
        {
            ByAddress.TryAdd(a, function);
        }

        return a;
    }

    /// <summary>The function at an address, when one is there.</summary>
    public static string? At(ulong address)
    {
        lock (Gate)
        {
            return ByAddress.GetValueOrDefault(address);
        }
    }

    /// <summary>
    /// The offset of the call from <paramref name="function"/> to <paramref name="callee"/>: stable per pair.
    /// </summary>
    public static int CallOffset(string function, string callee)
        => 0x10 + (int)(Hash(function + ">" + callee) % 0x3c0u);

    /// <summary>FNV-1a: stable across processes, unlike string.GetHashCode.</summary>
    public static uint Hash(string s)
    {
        var h = 2166136261u;
        foreach (var c in s)
        {
            h = (h ^ c) * 16777619u;
        }

        return h;
    }
}
