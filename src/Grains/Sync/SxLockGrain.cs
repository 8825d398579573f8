namespace JailCluster.Kernel.Sync;

using JailCluster.Kernel.Fail;
using JailCluster.Kernel.Kern;
using JailCluster.Kernel.Placement;

/// <inheritdoc cref="ISxLockGrain" />
[KernelPlacement, Reentrant]
public sealed class SxLockGrain(FailPointMirror mirror) : Grain, ISxLockGrain
{
    private readonly LinkedList<(LockWaiter Who, TaskCompletionSource Granted)> _waiters = new();
    private readonly List<TaskCompletionSource> _watchers = [];
    private LockWaiter? _owner;
    private int _recursion;

    /// <inheritdoc />
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        BootLifetime.KeepWhileBooted(this.GetPrimaryKeyString(), mirror, GrainFactory, DelayDeactivation);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async Task<bool> XLock(LockWaiter who, TimeSpan max)
    {
        if (_owner is null)
        {
            _owner = who;
            _recursion = 1;
            return true;
        }

        if (_owner.Tid == who.Tid)
        {
            _recursion++;
            return true;
        }

        if (max <= TimeSpan.Zero)
        {
            return false;
        }

        var granted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var node = _waiters.AddLast((who, granted));
        foreach (var w in _watchers)
        {
            w.TrySetResult();
        }

        _watchers.Clear();
        if (await Task.WhenAny(granted.Task, Task.Delay(max)) == granted.Task)
        {
            return true;
        }

        // Timed out: but the grant may have raced in between; only leave the queue if still in it.
        if (granted.Task.IsCompleted)
        {
            return true;
        }

        _waiters.Remove(node);
        return false;
    }

    /// <inheritdoc />
    public Task XUnlock(int tid)
    {
        if (_owner?.Tid != tid)
        {
            return Task.CompletedTask;
        }

        if (--_recursion > 0)
        {
            return Task.CompletedTask;
        }

        _owner = null;
        if (_waiters.First is { } next)
        {
            _waiters.RemoveFirst();
            _owner = next.Value.Who;
            _recursion = 1;
            next.Value.Granted.TrySetResult();
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<LockView> View() => Task.FromResult(new LockView
    {
        Name = this.GetPrimaryKeyString().Split('|')[^1],
        Owner = _owner,
        Recursion = _recursion,
        Waiters = _waiters.Select(w => w.Who).ToArray(),
    });

    /// <inheritdoc />
    public async Task<IReadOnlyList<LockWaiter>> WaitForWaiters(TimeSpan max)
    {
        var timeout = Task.Delay(max);
        while (_waiters.Count == 0 && !timeout.IsCompleted)
        {
            var tcs = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _watchers.Add(tcs);
            await Task.WhenAny(tcs.Task, timeout);
            _watchers.Remove(tcs);
        }

        return _waiters.Select(w => w.Who).ToArray();
    }
}
