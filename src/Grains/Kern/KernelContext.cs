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
    private const int MaxCachedObjects = 256;

    private readonly Dictionary<ulong, IKObjectGrain> _objects = [];
    private IKernelGrain? _kernel;
    private string? _kernelName;

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
    public IKernelGrain Kernel => _kernel ??= GrainRefs.Get<IKernelGrain>(Grains, KernelName);

    /// <summary>The grain key of the boot's globals.</summary>
    public string KernelName => _kernelName ??= Key.Globals;

    /// <summary>A taskqueue's memory.</summary>
    public ITaskqueueGrain Taskqueue(string name) => GrainRefs.Get<ITaskqueueGrain>(Grains, Key.Named("tq", name));

    /// <summary>A kernel thread (<c>taskq</c>, <c>swi</c>).</summary>
    public IKThreadGrain KThread(string name) => GrainRefs.Get<IKThreadGrain>(Grains, Key.Named("kthread", name));

    /// <summary>A process.</summary>
    public IProcGrain Proc(int pid) =>
        GrainRefs.Get<IProcGrain>(Grains, Key.Named("proc",
            pid.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    /// <summary>An sx lock.</summary>
    public ISxLockGrain Sx(string name) => GrainRefs.Get<ISxLockGrain>(Grains, Key.Named("sx", name));

    /// <summary>
    /// The object at an address, through the interface of its type. A thread touches the same few objects
    /// again and again, so each reference is made once per context.
    /// </summary>
    public IKObjectGrain Object(ulong addr)
    {
        if (_objects.TryGetValue(addr, out var known))
        {
            return known;
        }

        KAddr.TryDecode(addr, out var type, out _, out _);
        var key = Key.Object(addr);
        IKObjectGrain made = type switch
        {
            KType.Vnet => GrainRefs.Get<IVnetGrain>(Grains, key),
            KType.IfClone => GrainRefs.Get<IIfCloneGrain>(Grains, key),
            KType.Prison => GrainRefs.Get<IPrisonGrain>(Grains, key),
            _ => GrainRefs.Get<IStructGrain>(Grains, key),
        };
        if (_objects.Count >= MaxCachedObjects)
        {
            // A long-lived context (the host's own, which the checker walks every object with) must not keep a
            // reference to every object it ever touched.
            _objects.Clear();
        }

        _objects[addr] = made;
        return made;
    }

    /// <summary>A vnet.</summary>
    public IVnetGrain Vnet(ulong addr) =>
        Object(addr) as IVnetGrain ?? GrainRefs.Get<IVnetGrain>(Grains, Key.Object(addr));

    /// <summary>A cloner.</summary>
    public IIfCloneGrain Cloner(ulong addr) =>
        Object(addr) as IIfCloneGrain ?? GrainRefs.Get<IIfCloneGrain>(Grains, Key.Object(addr));

    /// <summary>A prison.</summary>
    public IPrisonGrain Prison(ulong addr) =>
        Object(addr) as IPrisonGrain ?? GrainRefs.Get<IPrisonGrain>(Grains, Key.Object(addr));
}
