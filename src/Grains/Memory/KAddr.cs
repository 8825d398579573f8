namespace JailCluster.Kernel.Memory;

using System.Globalization;

/// <summary>
/// Synthetic amd64 kernel addresses. Objects live in the direct map, one 4 KiB page each, so that a pointer
/// is a plain 64-bit number, a field access is pointer plus offset, and a fault address means what it
/// means on FreeBSD: <c>0x40</c> is NULL plus 0x40, the trash pattern plus an offset is non-canonical.
/// </summary>
public static class KAddr
{
    /// <summary>The start of the simulated direct map (FreeBSD amd64's DMAP starts at 0xfffff80000000000).</summary>
    public const ulong DirectMap = 0xfffff80000000000UL;

    /// <summary>What INVARIANTS kernels fill freed memory with (<c>uma_junk</c>): 0xdeadc0de repeated.</summary>
    public const ulong Trash = 0xdeadc0dedeadc0deUL;

    /// <summary>Addresses below this are the unmapped page at 0; any access there is a NULL dereference.</summary>
    public const ulong NullPageLimit = 0x1000UL;

    private const int TypeShift = 40;
    private const int PageShift = 12;

    /// <summary>The address of object <paramref name="id"/> of type <paramref name="type"/>.</summary>
    public static ulong Of(KType type, long id) =>
        DirectMap + ((ulong)type << TypeShift) + ((ulong)id << PageShift);

    /// <summary>The object an address points into, with the offset inside it, or false for no object.</summary>
    public static bool TryDecode(ulong addr, out KType type, out long id, out int offset)
    {
        type = KType.None;
        id = 0;
        offset = 0;
        if (addr < DirectMap)
        {
            return false;
        }

        var rel = addr - DirectMap;
        var t = (int)(rel >> TypeShift);
        if (t <= 0 || t > (int)KType.IfClone)
        {
            return false;
        }

        type = (KType)t;
        id = (long)((rel & ((1UL << TypeShift) - 1)) >> PageShift);
        offset = (int)(rel & ((1UL << PageShift) - 1));
        return true;
    }

    /// <summary>True for an address that amd64 would refuse as non-canonical (bits 63..47 not all equal).</summary>
    public static bool IsNonCanonical(ulong addr)
    {
        var top = addr >> 47;
        return top != 0 && top != 0x1ffff;
    }

    /// <summary>The C name of a type's structure.</summary>
    public static string TypeName(KType type) => type switch
    {
        KType.Ifnet => "ifnet",
        KType.EpairSoftc => "epair_softc",
        KType.Vnet => "vnet",
        KType.Prison => "prison",
        KType.IfClone => "if_clone",
        _ => "memory",
    };

    /// <summary>FreeBSD's <c>%p</c>: 0x and lower-case hex.</summary>
    public static string Format(ulong addr) => "0x" + addr.ToString("x", CultureInfo.InvariantCulture);
}
