namespace JailCluster.Kernel.Memory;

/// <summary>The <c>IFF_*</c> and <c>IFF_DRV_*</c> bits the model uses, with FreeBSD's values.</summary>
public static class IfFlags
{
    /// <summary>IFF_UP.</summary>
    public const long Up = 0x1;

    /// <summary>IFF_BROADCAST.</summary>
    public const long Broadcast = 0x2;

    /// <summary>IFF_SIMPLEX.</summary>
    public const long Simplex = 0x800;

    /// <summary>IFF_MULTICAST.</summary>
    public const long Multicast = 0x8000;

    /// <summary>IFF_DYING.</summary>
    public const long Dying = 0x200000;

    /// <summary>IFF_DRV_RUNNING (in if_drv_flags, printed as RUNNING).</summary>
    public const long DrvRunning = 0x40;

    /// <summary>LINK_STATE_DOWN.</summary>
    public const long LinkStateDown = 1;

    /// <summary>LINK_STATE_UP.</summary>
    public const long LinkStateUp = 2;
}
