namespace JailCluster.Kernel.Kern;

using JailCluster.Kernel.Fail;
using JailCluster.Kernel.Placement;

/// <inheritdoc cref="ITaskqueueGrain" />
[KernelPlacement, Reentrant]
public sealed class TaskqueueGrain(FailPointMirror mirror) : Grain, ITaskqueueGrain
{
    private readonly LinkedList<KTask> _queue = new();
    private readonly List<(string Key, TaskCompletionSource Done)> _drainers = [];
    private string? _running;
    private bool _threadAwake;

    /// <inheritdoc />
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        BootLifetime.KeepWhileBooted(this.GetPrimaryKeyString(), mirror, GrainFactory, DelayDeactivation);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<bool> Enqueue(KTask task)
    {
        if (!_queue.Any(t => t.Key == task.Key))
        {
            _queue.AddLast(task);
        }

        var wake = !_threadAwake;
        _threadAwake = true;
        return Task.FromResult(wake);
    }

    /// <inheritdoc />
    public Task<KTask?> Next()
    {
        if (_queue.First is not { } first)
        {
            _threadAwake = false;
            _running = null;
            return Task.FromResult<KTask?>(null);
        }

        _queue.RemoveFirst();
        _running = first.Value.Key;
        return Task.FromResult<KTask?>(first.Value);
    }

    /// <inheritdoc />
    public Task Done(string key)
    {
        if (_running == key)
        {
            _running = null;
        }

        WakeDrainers();
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async Task<bool> Drain(string key, TimeSpan max)
    {
        if (!Busy(key))
        {
            return true;
        }

        var tcs = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _drainers.Add((key, tcs));
        var done = await Task.WhenAny(tcs.Task, Task.Delay(max)) == tcs.Task;
        _drainers.RemoveAll(d => d.Done == tcs);
        return done || !Busy(key);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<string>> Pending()
    {
        var keys = _queue.Select(t => t.Key).ToList();
        if (_running is not null)
        {
            keys.Insert(0, _running + " (running)");
        }

        return Task.FromResult<IReadOnlyList<string>>(keys);
    }

    private bool Busy(string key) => _running == key || _queue.Any(t => t.Key == key);

    private void WakeDrainers()
    {
        foreach (var (key, done) in _drainers.ToArray())
        {
            if (!Busy(key))
            {
                done.TrySetResult();
            }
        }
    }
}
