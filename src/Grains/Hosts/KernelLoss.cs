namespace JailCluster.Kernel.Hosts;

using JailCluster.Hosts;
using JailCluster.Kernel.Kern;
using JailCluster.Kernel.Memory;

/// <summary>Which boot's kernel a dead silo took memory from: the one rule the host and the silos both apply.</summary>
public static class KernelLoss
{
    /// <summary>The grain key of the globals of boot <paramref name="generation"/> of <paramref name="host"/>.</summary>
    public static string GlobalsKey(string host, int generation, KernelPlacement placement) =>
        new KernelKey(host, generation, placement).Named("kernel", "globals");

    /// <summary>The globals of boot <paramref name="generation"/> of <paramref name="host"/>.</summary>
    public static IKernelGrain Globals(IGrainFactory grains, string host, int generation, KernelPlacement placement)
    {
        ArgumentNullException.ThrowIfNull(grains);
        return grains.GetGrain<IKernelGrain>(GlobalsKey(host, generation, placement));
    }

    /// <summary>
    /// True when a silo that died held memory of this kernel: a spread kernel has memory on every silo; a
    /// host-local one lost its memory only if its silo died, in which case its globals come back empty elsewhere.
    /// </summary>
    public static async Task<bool> LostMemory(IKernelGrain kernel, KernelPlacement placement)
    {
        ArgumentNullException.ThrowIfNull(kernel);
        return placement == KernelPlacement.Spread || await kernel.Boot() is null;
    }
}
