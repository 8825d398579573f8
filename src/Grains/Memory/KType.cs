namespace JailCluster.Kernel.Memory;

/// <summary>The kinds of kernel object the memory model allocates; each has its own address range.</summary>
public enum KType
{
    /// <summary>No object: the NULL page and anything below the kernel map.</summary>
    None = 0,

    /// <summary><c>struct prison</c>.</summary>
    Prison = 1,

    /// <summary><c>struct vnet</c>.</summary>
    Vnet = 2,

    /// <summary><c>struct ifnet</c>.</summary>
    Ifnet = 3,

    /// <summary><c>struct epair_softc</c>.</summary>
    EpairSoftc = 4,

    /// <summary><c>struct if_clone</c>.</summary>
    IfClone = 5,
}
