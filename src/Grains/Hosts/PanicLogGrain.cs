namespace JailCluster.Kernel.Hosts;

using JailCluster.Kernel.Placement;
using JailCluster.Panics;

/// <inheritdoc cref="IPanicLogGrain" />
/// <remarks>
/// The log is active on the oldest silo and lives in the grain storage named <see cref="StorageName"/>: memory by
/// default, so it survives the loss of any other silo; Redis when the silo is configured with Redis, so it
/// survives the loss of the oldest one too.
/// </remarks>
[Reentrant, OldestSiloPlacement]
public sealed class PanicLogGrain(
    [PersistentState("log", PanicLogGrain.StorageName)] IPersistentState<PanicLogState> state) : Grain, IPanicLogGrain
{
    /// <summary>The grain storage the log is kept in.</summary>
    public const string StorageName = "panics";

    private List<PanicReport> Reports => state.State.Reports;
    private readonly List<(string Host, TaskCompletionSource<PanicReport> Done)> _waiters = [];

    /// <inheritdoc />
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        DelayDeactivation(Timeout.InfiniteTimeSpan);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async Task Record(PanicReport report)
    {
        if (!Reports.Any(r => r.Id == report.Id))
        {
            Reports.Add(report);
            await state.WriteStateAsync();
            foreach (var w in _waiters.Where(w => w.Host == report.Host).ToArray())
            {
                w.Done.TrySetResult(report);
                _waiters.Remove(w);
            }
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<PanicReport>> List() => Task.FromResult<IReadOnlyList<PanicReport>>(Reports.ToArray());

    /// <inheritdoc />
    public async Task<PanicReport?> WaitForHost(string host, TimeSpan max)
    {
        if (Reports.FirstOrDefault(r => r.Host == host) is { } known)
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
    public Task<PanicReport?> Get(string id) => Task.FromResult(Reports.FirstOrDefault(r => r.Id == id));
}
