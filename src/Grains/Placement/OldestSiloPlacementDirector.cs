namespace JailCluster.Kernel.Placement;

using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Runtime.Placement;

/// <summary>
/// Chooses the compatible silo that started first. With development clustering (<c>jailctl cluster up</c>) that is
/// the primary, which every silo is configured with. Otherwise a silo address's generation is taken from the clock
/// when the silo starts, so the smallest one is the oldest; the generation counts seconds, so silos started within
/// the same second tie, and the tie goes to the smallest address.
/// </summary>
public sealed class OldestSiloPlacementDirector(IOptions<DevelopmentClusterMembershipOptions> development)
    : IPlacementDirector
{
    /// <inheritdoc />
    public Task<SiloAddress> OnAddActivation(PlacementStrategy strategy, PlacementTarget target,
        IPlacementContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var silos = context.GetCompatibleSilos(target);

        // Without this, the silos of one cluster up (all started within a second) would put the directory and the
        // panic log on whichever silo has the smallest address, and with in-memory storage they die with that silo.
        if (development.Value.PrimarySiloEndpoint is { } primary
            && silos.FirstOrDefault(s => s.Endpoint.Equals(primary)) is { } first)
        {
            return Task.FromResult(first);
        }

        var oldest = silos
            .OrderBy(s => s.Generation)
            .ThenBy(s => s.ToString(), StringComparer.Ordinal)
            .First();
        return Task.FromResult(oldest);
    }
}
