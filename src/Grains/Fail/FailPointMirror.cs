namespace JailCluster.Kernel.Fail;

using System.Collections.Concurrent;
using System.Collections.Frozen;
using JailCluster.Kernel.Kern;

/// <summary>
/// One per silo. A kernel thread reads here, without a grain call, whether the step it is at has an armed fail
/// point and whether its host has halted; only an armed fail point costs a call to the kernel grain. The first
/// thread of a boot on this silo subscribes, and from then on the kernel grain pushes every change before the
/// <c>sysctl</c> that made it returns, so a thread never misses a fail point that was set before it got there.
/// </summary>
public sealed class FailPointMirror(IGrainFactory grains) : IFailPointMirror
{
    private readonly ConcurrentDictionary<string, FailPointMirrorState> _states = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<Task>> _subscriptions = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _halts = new(StringComparer.Ordinal);
    private IFailPointMirror? _reference;

    /// <summary>
    /// The state of the boot whose globals live in <paramref name="kernel"/>, under its grain key
    /// <paramref name="key"/>: a thread asks at every step, and has the key at hand, where the reference would
    /// decode it each time.
    /// </summary>
    public ValueTask<FailPointMirrorState> Get(string key, IKernelGrain kernel)
    {
        ArgumentNullException.ThrowIfNull(kernel);
        return _states.TryGetValue(key, out var state) ? ValueTask.FromResult(state) : Subscribe(kernel, key);
    }

    /// <inheritdoc />
    public Task Update(string kernel, FailPointMirrorState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (_states.AddOrUpdate(kernel, state, (_, held) => held.Version >= state.Version ? held : state).Halted)
        {
            HaltSignal(kernel).TrySetResult();
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// Halts the boot whose globals are <paramref name="key"/> on this silo, for good, without asking its kernel
    /// grain: what this silo does when a silo holding the boot's memory dies, since the globals may have died too
    /// or be unable to answer. Every thread of the boot here stops at its next step, and a thread that sleeps on
    /// a lock, a fail point or a drain wakes to stop, saying <paramref name="because"/>.
    /// </summary>
    public void Halt(string key, string because)
    {
        ArgumentException.ThrowIfNullOrEmpty(because);
        _states[key] = new FailPointMirrorState(long.MaxValue, FrozenSet<string>.Empty, because);
        HaltSignal(key).TrySetResult();
    }

    /// <summary>
    /// Completes when the boot whose globals are <paramref name="key"/> halts, as seen on this silo.
    /// </summary>
    public Task WhenHalted(string key) =>
        _states.TryGetValue(key, out var state) && state.Halted ? Task.CompletedTask : HaltSignal(key).Task;

    private TaskCompletionSource HaltSignal(string key) =>
        _halts.GetOrAdd(key, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));

    // Orleans makes an observer reference only outside every grain's context, so make it on the thread pool.
    private Task<IFailPointMirror> Reference() => _reference is { } made ? Task.FromResult(made) : Task.Run(() =>
    {
        lock (_states)
        {
            return _reference ??= grains.CreateObjectReference<IFailPointMirror>(this);
        }
    });

    private async ValueTask<FailPointMirrorState> Subscribe(IKernelGrain kernel, string key)
    {
        var subscription = _subscriptions.GetOrAdd(key, _ => new Lazy<Task>(async () =>
            await Update(key, await kernel.Subscribe(await Reference()))));
        try
        {
            await subscription.Value;
        }
        catch
        {
            // Let the next thread try again rather than remember a failed subscription for ever.
            _subscriptions.TryRemove(key, out _);
            throw;
        }

        return _states[key];
    }
}
