namespace JailCluster.Kernel.Net;

/// <summary>
/// One element of a vnet's <c>V_ifnet</c> list. The name and home vnet are cached beside the pointer so
/// that <c>ifunit</c>'s walk and <c>vnet_if_return</c>'s filter are one memory step each; both fields are
/// updated in the same critical sections that change them on the ifnet.
/// </summary>
[GenerateSerializer, Immutable, Alias("jc.VnetEntry")]
public readonly record struct VnetEntry([property: Id(0)] ulong Ifp, [property: Id(1)] string Name,
    [property: Id(2)] ulong Home);
