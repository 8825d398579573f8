namespace JailCluster.Kernel.Kern;

using JailCluster.Kernel.Fail;
using JailCluster.Kernel.Memory;
using JailCluster.Kernel.Net;
using JailCluster.Kernel.Sync;
using JailCluster.Kernel.Versions;

/// <summary>
/// What every thread of one boot needs to reach the kernel's memory: the keys, the version's features,
/// and the grain factory. Built once per thread activation from the kernel grain's globals.
/// </summary>
public sealed class KernelContext
{
    /// <summary>Creates the context of a boot.</summary>
    public KernelContext(KernelBoot boot, IGrainFactory grains, TimeProvider time, FailPointMirror? mirror = null)
    {
        Boot = boot;
        Grains = grains;
        Time = time;
        Mirror = mirror;
        Key = new KernelKey(boot.Host, boot.Generation, boot.Options.Placement);
        Features = KernelFeatures.For(boot.Options.Kernel);
    }

    /// <summary>The boot's globals.</summary>
    public KernelBoot Boot { get; }

    /// <summary>Grain keys of this boot.</summary>
    public KernelKey Key { get; }

    /// <summary>The kernel version's behaviour.</summary>
    public KernelFeatures Features { get; }

    /// <summary>Grain factory.</summary>
    public IGrainFactory Grains { get; }

    /// <summary>
    /// The silo's copy of the boot's armed fail points and halt; without it every step asks the kernel grain.
    /// </summary>
    public FailPointMirror? Mirror { get; }

    /// <summary>Clock.</summary>
    public TimeProvider Time { get; }

    /// <summary>Whether the host runs with INVARIANTS.</summary>
    public bool Invariants => Boot.Options.Invariants;

    /// <summary>The boot's globals grain.</summary>
    public IKernelGrain Kernel => Grains.GetGrain<IKernelGrain>(Key.Named("kernel", "globals"));

    /// <summary>A taskqueue's memory.</summary>
    public ITaskqueueGrain Taskqueue(string name) => Grains.GetGrain<ITaskqueueGrain>(Key.Named("tq", name));

    /// <summary>A kernel thread (<c>taskq</c>, <c>swi</c>).</summary>
    public IKThreadGrain KThread(string name) => Grains.GetGrain<IKThreadGrain>(Key.Named("kthread", name));

    /// <summary>A process.</summary>
    public IProcGrain Proc(int pid) =>
        Grains.GetGrain<IProcGrain>(Key.Named("proc", pid.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    /// <summary>An sx lock.</summary>
    public ISxLockGrain Sx(string name) => Grains.GetGrain<ISxLockGrain>(Key.Named("sx", name));

    /// <summary>The object at an address, through the interface of its type.</summary>
    public IKObjectGrain Object(ulong addr)
    {
        KAddr.TryDecode(addr, out var type, out _, out _);
        var key = Key.Object(addr);
        return type switch
        {
            KType.Vnet => Grains.GetGrain<IVnetGrain>(key),
            KType.IfClone => Grains.GetGrain<IIfCloneGrain>(key),
            KType.Prison => Grains.GetGrain<IPrisonGrain>(key),
            _ => Grains.GetGrain<IStructGrain>(key),
        };
    }

    /// <summary>A vnet.</summary>
    public IVnetGrain Vnet(ulong addr) => Grains.GetGrain<IVnetGrain>(Key.Object(addr));

    /// <summary>A cloner.</summary>
    public IIfCloneGrain Cloner(ulong addr) => Grains.GetGrain<IIfCloneGrain>(Key.Object(addr));

    /// <summary>A prison.</summary>
    public IPrisonGrain Prison(ulong addr) => Grains.GetGrain<IPrisonGrain>(Key.Object(addr));
}
