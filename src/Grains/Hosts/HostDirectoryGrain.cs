namespace JailCluster.Kernel.Hosts;

/// <inheritdoc cref="IHostDirectoryGrain" />
public sealed class HostDirectoryGrain : Grain, IHostDirectoryGrain
{
    private readonly SortedSet<string> _hosts = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        DelayDeactivation(Timeout.InfiniteTimeSpan);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task Register(string host)
    {
        _hosts.Add(host);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<string>> Hosts() => Task.FromResult<IReadOnlyList<string>>(_hosts.ToArray());
}
