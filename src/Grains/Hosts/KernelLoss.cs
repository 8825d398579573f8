namespace JailCluster.Kernel.Hosts;

/// <summary>
/// Which kernel a silo's death concerns, for the host and the silos alike: every booted one. A spread kernel has
/// memory on every silo, and a host-local one loses memory too, wherever it runs: Orleans' grain directory
/// deactivates every activation whose directory entry the dead silo held, on the silos that live as well, so about
/// one object in as many as there were silos comes back empty on its next access.
/// </summary>
public static class KernelLoss
{
    /// <summary>Why the threads of every kernel halt when <paramref name="silo"/> dies.</summary>
    public static string Because(string silo) => $"kernel memory was lost with silo {silo}, which died";
}
