namespace JailCluster.Kernel.Hosts;

using JailCluster.Panics;

/// <inheritdoc cref="IPanicLogGrain" />
[Reentrant]
public sealed class PanicLogGrain : Grain, IPanicLogGrain
{
    private readonly List<PanicReport> _reports = [];
    private readonly List<(string Host, TaskCompletionSource<PanicReport> Done)> _waiters = [];

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
            foreach (var w in _waiters.Where(w => w.Host == report.Host).ToArray())
            {
                w.Done.TrySetResult(report);
                _waiters.Remove(w);
            }
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<PanicReport>> List() => Task.FromResult<IReadOnlyList<PanicReport>>(_reports.ToArray());

    /// <inheritdoc />
    public async Task<PanicReport?> WaitForHost(string host, TimeSpan max)
    {
        if (_reports.FirstOrDefault(r => r.Host == host) is { } known)
        {
            return known;
        }

        var done = new TaskCompletionSource<PanicReport>(TaskCreationOptions.RunContinuationsAsynchronously);
        _waiters.Add((host, done));
        var first = await Task.WhenAny(done.Task, Task.Delay(max));
        _waiters.RemoveAll(w => w.Done == done);
        return first == done.Task ? await done.Task : null;
    }

    /// <inheritdoc />
    public Task<PanicReport?> Get(string id) => Task.FromResult(_reports.FirstOrDefault(r => r.Id == id));
}
