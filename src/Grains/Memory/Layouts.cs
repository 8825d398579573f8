namespace JailCluster.Kernel.Memory;

/// <summary>
/// Field layouts. <c>struct epair_softc</c> follows FreeBSD 12.1 on amd64, which puts the saved
/// <c>if_qflush</c> at 0x40; the other offsets are plausible but synthetic, and the README says so.
/// </summary>
public static class Layouts
{
    /// <summary><c>struct ifnet</c>.</summary>
    public static class Ifnet
    {
        /// <summary>Driver state: the epair softc of this half.</summary>
        public static readonly KField IfSoftc = new(KType.Ifnet, "if_softc", 0x28, Watched: true, Pointer: true);

        /// <summary>Index in the ifindex table of <see cref="IfVnet"/>.</summary>
        public static readonly KField IfIndex = new(KType.Ifnet, "if_index", 0x40, Watched: true);

        /// <summary>Unit number given by the cloner.</summary>
        public static readonly KField IfDunit = new(KType.Ifnet, "if_dunit", 0x44);

        /// <summary><c>IFF_*</c> flags.</summary>
        public static readonly KField IfFlags = new(KType.Ifnet, "if_flags", 0x58);

        /// <summary><c>IFF_DRV_*</c> flags.</summary>
        public static readonly KField IfDrvFlags = new(KType.Ifnet, "if_drv_flags", 0x5c);

        /// <summary>Group membership, as a bit set (see <see cref="Groups"/>).</summary>
        public static readonly KField IfGroups = new(KType.Ifnet, "if_groups", 0x60);

        /// <summary>The vnet the interface is in now.</summary>
        public static readonly KField IfVnet = new(KType.Ifnet, "if_vnet", 0x68, Watched: true, Pointer: true);

        /// <summary>The vnet the interface was created in.</summary>
        public static readonly KField IfHomeVnet = new(KType.Ifnet, "if_home_vnet", 0x70, Pointer: true);

        /// <summary>Reference count.</summary>
        public static readonly KField IfRefcount = new(KType.Ifnet, "if_refcount", 0x78);

        /// <summary>Link state (<c>LINK_STATE_*</c>).</summary>
        public static readonly KField IfLinkState = new(KType.Ifnet, "if_link_state", 0x7c);

        /// <summary>bpf attachment.</summary>
        public static readonly KField IfBpf = new(KType.Ifnet, "if_bpf", 0x80, Pointer: true);

        /// <summary>The queue flush routine; epair installs its own.</summary>
        public static readonly KField IfQflush = new(KType.Ifnet, "if_qflush", 0x90, Pointer: true);
    }

    /// <summary><c>struct epair_softc</c> (FreeBSD 12.1, amd64).</summary>
    public static class EpairSoftc
    {
        /// <summary>This half.</summary>
        public static readonly KField Ifp = new(KType.EpairSoftc, "ifp", 0x00, Pointer: true);

        /// <summary>The other half.</summary>
        public static readonly KField Oifp = new(KType.EpairSoftc, "oifp", 0x08, Watched: true, Pointer: true);

        /// <summary>Packets in flight (debug).</summary>
        public static readonly KField Refcount = new(KType.EpairSoftc, "refcount", 0x38);

        /// <summary>CPU the pair is bound to.</summary>
        public static readonly KField Cpuid = new(KType.EpairSoftc, "cpuid", 0x3c);

        /// <summary>The original <c>if_qflush</c> the driver replaced.</summary>
        public static readonly KField IfQflush = new(KType.EpairSoftc, "if_qflush", 0x40, Watched: true, Pointer: true);
    }

    /// <summary><c>struct vnet</c>.</summary>
    public static class Vnet
    {
        /// <summary>Where the stack is in its life (<c>vnet_state</c>).</summary>
        public static readonly KField VnetState = new(KType.Vnet, "vnet_state", 0x18);

        /// <summary>The vnet's epair cloner (<c>V_epair_cloner</c>).</summary>
        public static readonly KField Cloner = new(KType.Vnet, "vnet_epair_cloner", 0x20, Pointer: true);

        /// <summary><see cref="VnetState"/> of a running stack.</summary>
        public const ulong StateRunning = 1;

        /// <summary><see cref="VnetState"/> once <c>vnet_destroy</c> started (<c>vnet_shutdown</c>).</summary>
        public const ulong StateShutdown = 2;
    }

    /// <summary>Bits of <see cref="Ifnet.IfGroups"/>.</summary>
    public static class Groups
    {
        /// <summary>The <c>all</c> group.</summary>
        public const long All = 1;

        /// <summary>The <c>epair</c> group.</summary>
        public const long Epair = 2;

        /// <summary>Group names by bit, in FreeBSD's order.</summary>
        public static readonly (long Bit, string Name)[] Names = [(All, "all"), (Epair, "epair")];
    }
}
