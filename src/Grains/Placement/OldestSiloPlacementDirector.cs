namespace JailCluster.Kernel.Placement;

using Orleans.Runtime.Placement;

/// <summary>
/// Chooses the compatible silo that started first: a silo address's generation is taken from the clock when
/// the silo starts, so the smallest one is the oldest.
/// </summary>
public sealed class OldestSiloPlacementDirector : IPlacementDirector
{
    /// <inheritdoc />
    public Task<SiloAddress> OnAddActivation(PlacementStrategy strategy, PlacementTarget target,
        IPlacementContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var oldest = context.GetCompatibleSilos(target)
            .OrderBy(s => s.Generation)
            .ThenBy(s => s.ToString(), StringComparer.Ordinal)
            .First();
        return Task.FromResult(oldest);
    }
}
