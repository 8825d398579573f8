namespace JailCluster.Kernel.Placement;

using JailCluster.Kernel.Memory;
using Orleans.Runtime.Placement;

/// <summary>
/// Chooses a silo by a stable hash: of the whole key when spreading, so consecutive objects of one host
/// land on different silos, or of the host part when the host is placed locally.
/// </summary>
public sealed class KernelPlacementDirector : IPlacementDirector
{
    /// <inheritdoc />
    public Task<SiloAddress> OnAddActivation(PlacementStrategy strategy, PlacementTarget target,
        IPlacementContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var silos = context.GetCompatibleSilos(target).OrderBy(s => s.ToString(), StringComparer.Ordinal).ToArray();
        var hash = Fnv1a(KernelKey.PlacementPart(target.GrainIdentity.Key.ToString() ?? ""));
        return Task.FromResult(silos[(int)(hash % (uint)silos.Length)]);
    }

    // string.GetHashCode is randomised per process; placement must not depend on which silo decides.
    private static uint Fnv1a(ReadOnlySpan<char> s)
    {
        var h = 2166136261u;
        foreach (var c in s)
        {
            h = (h ^ c) * 16777619u;
        }

        return h;
    }
}
