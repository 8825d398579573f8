namespace JailCluster.Kernel.Fail;

using System.Collections.Concurrent;
using System.Collections.Frozen;
using JailCluster.Hosts;
using JailCluster.Kernel.Kern;
using JailCluster.Kernel.Memory;

/// <summary>
/// One per silo. A kernel thread reads here, without a grain call, whether the step it is at has an armed fail
/// point and whether its host has halted; only an armed fail point costs a call to the kernel grain. The first
/// thread of a boot on this silo subscribes, and from then on the kernel grain pushes every change before the
/// <c>sysctl</c> that made it returns, so a thread never misses a fail point that was set before it got there.
/// Once a later boot of a host has been seen here, the mirror forgets the host's earlier boots, and tells their
/// late threads without a call that the host was rebooted: a host rebooted for every mass teardown leaves nothing.
/// </summary>
public sealed class FailPointMirror(IGrainFactory grains) : IFailPointMirror
{
    // What a thread of a replaced boot reads: its host's grain retired it before booting the next one.
    private static readonly FailPointMirrorState Replaced =
        new(long.MaxValue, FrozenSet<string>.Empty, KernelHaltException.Rebooted);

    private readonly ConcurrentDictionary<string, FailPointMirrorState> _states = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<Task>> _subscriptions = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _halts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _newest = new(StringComparer.Ordinal);
    private IFailPointMirror? _reference;

    /// <summary>
    /// The state of the boot whose globals live in <paramref name="kernel"/>, under its grain key
    /// <paramref name="key"/>: a thread asks at every step, and has the key at hand, where the reference would
    /// decode it each time.
    /// </summary>
    public ValueTask<FailPointMirrorState> Get(string key, IKernelGrain kernel)
    {
        ArgumentNullException.ThrowIfNull(kernel);
        if (_states.TryGetValue(key, out var state))
        {
            return ValueTask.FromResult(state);
        }

        return IsReplaced(key) ? ValueTask.FromResult(Replaced) : Subscribe(kernel, key);
    }

    /// <summary>The globals keys of the boots this silo holds state for: the newest of each host, or none.</summary>
    internal IReadOnlyCollection<string> Boots => [.. _states.Keys.Union(_subscriptions.Keys).Union(_halts.Keys)];

    /// <inheritdoc />
    public Task Update(string kernel, FailPointMirrorState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (IsReplaced(kernel))
        {
            // Late news of a boot this silo has let go, which woke its sleepers then.
            return Task.CompletedTask;
        }

        Supersede(kernel);
        if (_states.AddOrUpdate(kernel, state, (_, held) => held.Version >= state.Version ? held : state).Halted)
        {
            HaltSignal(kernel).TrySetResult();
        }

        // A later boot seen while this was added may have swept before it was: forget it too.
        if (IsReplaced(kernel))
        {
            Forget(kernel);
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
        Supersede(key);
        if (!IsReplaced(key))
        {
            _states[key] = new FailPointMirrorState(long.MaxValue, FrozenSet<string>.Empty, because);
            HaltSignal(key).TrySetResult();
        }
    }

    /// <summary>
    /// Completes when the boot whose globals are <paramref name="key"/> halts, as seen on this silo.
    /// </summary>
    public Task WhenHalted(string key)
    {
        if (_states.TryGetValue(key, out var state) && state.Halted)
        {
            return Task.CompletedTask;
        }

        // Made before the check, so that a later boot seen after the check sweeps it and wakes its waiters.
        var halted = HaltSignal(key).Task;
        if (IsReplaced(key))
        {
            Forget(key);
            return Task.CompletedTask;
        }

        return halted;
    }

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
        Supersede(key);
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

        if (IsReplaced(key))
        {
            // A later boot was seen while this one subscribed, and swept before this one was added.
            Forget(key);
            return Replaced;
        }

        return _states.TryGetValue(key, out var state) ? state : Replaced;
    }

    // Whether a later boot of the host of the globals key has been seen on this silo.
    private bool IsReplaced(string key)
    {
        var host = KernelKey.BootOf(key, out var generation);
        return _newest.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(host, out var newest)
            && newest > generation;
    }

    // Makes the boot of the globals key the newest of its host that this silo knows, if it is, and forgets the
    // boot it replaced. That one has halted, as a host's grain retires a boot before it starts the next, but its news
    // may not have reached this silo yet: its sleeping threads are woken here to stop. No older boot is held: each was
    // forgotten when the next was seen, and one seen late is let go as it arrives (see IsReplaced).
    private void Supersede(string key)
    {
        var host = KernelKey.BootOf(key, out var generation).ToString();
        while (true)
        {
            if (_newest.TryGetValue(host, out var held))
            {
                if (held >= generation)
                {
                    return;
                }

                if (_newest.TryUpdate(host, generation, held))
                {
                    // By name, not by a walk of the tables: they hold a boot of every host this silo has run, and a
                    // mass teardown reboots its hosts every run.
                    Forget(new KernelKey(host, held, KernelPlacement.Spread).Globals);
                    Forget(new KernelKey(host, held, KernelPlacement.HostLocal).Globals);
                    return;
                }
            }
            else if (_newest.TryAdd(host, generation))
            {
                return;
            }
        }
    }

    private void Forget(string key)
    {
        if (_halts.TryRemove(key, out var halt))
        {
            halt.TrySetResult();
        }

        _states.TryRemove(key, out _);
        _subscriptions.TryRemove(key, out _);
    }
}
