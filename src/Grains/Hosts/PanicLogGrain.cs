namespace JailCluster.Kernel.Hosts;

using JailCluster.Panics;

/// <inheritdoc cref="IPanicLogGrain" />
public sealed class PanicLogGrain : Grain, IPanicLogGrain
{
    private readonly List<PanicReport> _reports = [];

    /// <inheritdoc />
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        DelayDeactivation(Timeout.InfiniteTimeSpan);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task Record(PanicReport report)
    {
        if (!_reports.Any(r => r.Id == report.Id))
        {
            _reports.Add(report);
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<PanicReport>> List() => Task.FromResult<IReadOnlyList<PanicReport>>(_reports.ToArray());

    /// <inheritdoc />
    public Task<PanicReport?> Get(string id) => Task.FromResult(_reports.FirstOrDefault(r => r.Id == id));
}
