namespace JailCluster.Kernel.Hosts;

using JailCluster.Kernel.Placement;
/// <inheritdoc cref="IHostDirectoryGrain" />
/// <remarks>Kept in the same grain storage as the panic log, so it outlives the silo that holds it there too.</remarks>
[Reentrant, OldestSiloPlacement]
public sealed class HostDirectoryGrain(
    [PersistentState("hosts", PanicLogGrain.StorageName)] IPersistentState<HostDirectoryState> state)
    : Grain, IHostDirectoryGrain
{
    /// <inheritdoc />
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        DelayDeactivation(Timeout.InfiniteTimeSpan);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async Task Register(string host, HostRecord boot)
    {
        state.State.Hosts[host] = boot;
        await state.WriteStateAsync();
    }

    /// <inheritdoc />
    public Task<HostRecord?> LastBoot(string host) =>
        Task.FromResult(state.State.Hosts.TryGetValue(host, out var boot) ? boot : null);

    /// <inheritdoc />
    public Task<IReadOnlyList<string>> Hosts() =>
        Task.FromResult<IReadOnlyList<string>>(state.State.Hosts.Keys.Order(StringComparer.Ordinal).ToArray());
}
