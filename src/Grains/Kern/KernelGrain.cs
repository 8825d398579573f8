namespace JailCluster.Kernel.Kern;

using System.Collections.Frozen;
using System.Globalization;
using JailCluster.Kernel.Fail;
using JailCluster.Kernel.Placement;
using JailCluster.Kernel.Sync;
using JailCluster.Panics;

/// <inheritdoc cref="IKernelGrain" />
[KernelPlacement, Reentrant]
public sealed class KernelGrain : Grain, IKernelGrain
{
    private const int MsgbufLines = 2000;

    private readonly Dictionary<ulong, PrisonEntry> _prisons = [];
    private readonly Dictionary<string, FailPointState> _failPoints = new(StringComparer.Ordinal);
    private readonly List<ulong> _zone = [];
    private readonly Queue<string> _msgbuf = new();
    private readonly Dictionary<int, BlockedThread> _blocked = [];
    private readonly HashSet<IFailPointMirror> _mirrors = [];
    private readonly TaskCompletionSource _halted = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private KernelBoot? _boot;
    private PanicReport? _panic;
    private SplitMix64 _random = new(0);
    private int _nextJid = 1;
    private int _nextPid = 1000;
    private int _panicSeq;
    private long _mirrorVersion;
    private string? _retired;

    /// <inheritdoc />
    public Task Start(KernelBoot boot)
    {
        _boot = boot;
        _random = new SplitMix64((ulong)boot.Options.Seed);
        DelayDeactivation(Timeout.InfiniteTimeSpan);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<KernelBoot?> Boot() => Task.FromResult(_boot);

    /// <inheritdoc />
    public Task<PanicReport?> PanicState() => Task.FromResult(_panic);

    /// <inheritdoc />
    public Task<int> AllocPid() => Task.FromResult(_nextPid++);

    /// <inheritdoc />
    public Task<int> AllocPidUnlessPanicked() => Task.FromResult(_panic is null ? _nextPid++ : 0);

    /// <inheritdoc />
    public Task<int> PrisonAdd(string name, ulong address)
    {
        if (_prisons.Values.Any(p => !p.Dying && p.Name == name))
        {
            return Task.FromResult(-Errno.EEXIST);
        }

        var jid = _nextJid++;
        _prisons[address] = new PrisonEntry(jid, name, address, false);
        return Task.FromResult(jid);
    }

    /// <inheritdoc />
    public Task<PrisonEntry?> PrisonFind(string nameOrJid, bool includeDying)
    {
        var byJid = int.TryParse(nameOrJid, NumberStyles.None, CultureInfo.InvariantCulture, out var jid);
        var found = _prisons.Values
            .Where(p => includeDying || !p.Dying)
            .OrderBy(p => p.Dying)
            .FirstOrDefault(p => byJid ? p.Jid == jid : p.Name == nameOrJid);
        return Task.FromResult(found);
    }

    /// <inheritdoc />
    public Task PrisonDying(ulong address)
    {
        if (_prisons.TryGetValue(address, out var p))
        {
            _prisons[address] = p with { Dying = true };
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task PrisonUnlist(ulong address)
    {
        _prisons.Remove(address);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<PrisonEntry>> Prisons() =>
        Task.FromResult<IReadOnlyList<PrisonEntry>>(_prisons.Values.OrderBy(p => p.Jid).ToArray());

    /// <inheritdoc />
    public Task ZoneAlloc(ulong address)
    {
        _zone.Add(address);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<ulong>> Zone() => Task.FromResult<IReadOnlyList<ulong>>(_zone.ToArray());

    /// <inheritdoc />
    public Task<FailDecision> Step(string failPoint, LockWaiter thread, string function)
    {
        if (HaltedBecause() is { } because)
        {
            return Task.FromResult(FailDecision.Halted(because));
        }

        if (!_failPoints.TryGetValue(failPoint, out var fp) || fp.Terms.Count == 0)
        {
            return Task.FromResult(FailDecision.Continue);
        }

        for (var i = 0; i < fp.Terms.Count; i++)
        {
            var term = fp.Terms[i];
            if (fp.Remaining[i] == 0)
            {
                continue;
            }

            if (term.Percent < 100 && _random.NextDouble() * 100 >= term.Percent)
            {
                continue;
            }

            if (fp.Remaining[i] > 0)
            {
                fp.Remaining[i]--;
            }

            if (term.Type == "off")
            {
                return Task.FromResult(FailDecision.Continue);
            }

            fp.Fired++;
            if (term.Type == "pause")
            {
                fp.Paused[thread.Tid] = thread;
                foreach (var w in fp.Watchers)
                {
                    w.TrySetResult();
                }

                fp.Watchers.Clear();
            }
            else if (term.Type == "print")
            {
                Log(string.Create(CultureInfo.InvariantCulture, $"fail point {failPoint} at {function} reached"));
            }

            return Task.FromResult(new FailDecision(term.Type, term.Arg ?? 0));
        }

        return Task.FromResult(FailDecision.Continue);
    }

    /// <inheritdoc />
    public async Task<bool> AwaitRelease(string failPoint, int tid, TimeSpan max)
    {
        if (!_failPoints.TryGetValue(failPoint, out var fp) || !fp.Paused.ContainsKey(tid))
        {
            return true;
        }

        await Task.WhenAny(fp.Released.Task, Task.Delay(max));
        return !fp.Paused.ContainsKey(tid) || _panic is not null;
    }

    /// <inheritdoc />
    public async Task<(string? Old, string? Error)> SetFailPoint(string name, string expression)
    {
        var terms = FailPointSpec.Parse(expression, out var error);
        if (terms is null)
        {
            return (null, error);
        }

        var fp = State(name);
        var old = fp.Setting;
        fp.Terms = terms.Count == 1 && terms[0] is { Type: "off", Count: null, Percent: 100 } ? [] : terms;
        fp.Remaining = fp.Terms.Select(t => t.Count ?? -1).ToArray();

        // fail(9): a paused thread is held until the fail point is reconfigured.
        fp.Paused.Clear();
        fp.Released.TrySetResult();
        fp.Released = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await Publish();
        return (old, null);
    }

    /// <inheritdoc />
    public Task<FailPointMirrorState> Subscribe(IFailPointMirror mirror)
    {
        _mirrors.Add(mirror);
        return Task.FromResult(MirrorState());
    }

    /// <inheritdoc />
    public Task<FailPointView> GetFailPoint(string name)
    {
        var fp = State(name);
        return Task.FromResult(new FailPointView
        {
            Name = name,
            Setting = fp.Setting,
            Fired = fp.Fired,
            Paused = fp.Paused.Values.ToArray(),
        });
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<LockWaiter>> WaitForPause(string name, TimeSpan max)
    {
        var fp = State(name);
        if (fp.Paused.Count == 0)
        {
            var tcs = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            fp.Watchers.Add(tcs);
            await Task.WhenAny(tcs.Task, Task.Delay(max));
            fp.Watchers.Remove(tcs);
        }

        return fp.Paused.Values.ToArray();
    }

    /// <inheritdoc />
    public async Task<PanicReport?> WaitForPanic(TimeSpan max)
    {
        await Task.WhenAny(_halted.Task, Task.Delay(max));
        return _panic;
    }

    /// <inheritdoc />
    public async Task<bool> Panic(PanicReport report)
    {
        if (HaltedBecause() is not null)
        {
            return false;
        }

        _panic = report;
        _halted.TrySetResult();
        foreach (var line in report.Text.Split('\n'))
        {
            Log(line);
        }

        // A halted host releases nothing it holds, but threads paused at fail points must learn that
        // the machine stopped, or they would wait for ever.
        foreach (var fp in _failPoints.Values)
        {
            fp.Released.TrySetResult();
        }

        await Publish();
        return true;
    }

    /// <inheritdoc />
    public Task Console(string line)
    {
        Log(line);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<string>> Dmesg() => Task.FromResult<IReadOnlyList<string>>(_msgbuf.ToArray());

    /// <inheritdoc />
    public Task Block(BlockedThread thread)
    {
        _blocked[thread.Tid] = thread;
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task Unblock(int tid)
    {
        _blocked.Remove(tid);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<BlockedThread>> Blocked() =>
        Task.FromResult<IReadOnlyList<BlockedThread>>(_blocked.Values.OrderBy(b => b.Pid).ThenBy(b => b.Tid).ToArray());

    /// <inheritdoc />
    public async Task Retire(string because)
    {
        ArgumentException.ThrowIfNullOrEmpty(because);
        _retired ??= because;
        foreach (var fp in _failPoints.Values)
        {
            fp.Paused.Clear();
            fp.Released.TrySetResult();
        }

        await Publish();

        // The boot is over: its globals go when idle. A thread of it that asks after that finds a new activation,
        // which was never started and says the boot is over too.
        DelayDeactivation(TimeSpan.Zero);
    }

    /// <inheritdoc />
    public Task<string> NextPanicId()
    {
        var id = string.Create(CultureInfo.InvariantCulture, $"{_boot?.Host}-{_boot?.Generation}-{++_panicSeq}");
        return Task.FromResult(id);
    }

    private FailPointMirrorState MirrorState() => new(
        ++_mirrorVersion,
        _failPoints.Where(f => f.Value.Terms.Count > 0).Select(f => f.Key).ToFrozenSet(StringComparer.Ordinal),
        HaltedBecause());

    // A kernel that was never started is the new activation of a boot that is over (Retire).
    private string? HaltedBecause() =>
        _panic is not null ? KernelHaltException.Panicked
        : _retired ?? (_boot is null ? KernelHaltException.Rebooted : null);

    // Tells every subscribed silo; a silo that cannot be told is gone, and so are its threads.
    private async Task Publish()
    {
        var state = MirrorState();
        var key = this.GetPrimaryKeyString();
        var mirrors = _mirrors.ToArray();
        var told = await Task.WhenAll(mirrors.Select(async m =>
        {
            try
            {
                await m.Update(key, state);
                return true;
            }
            catch (Exception e) when (e is OrleansException or TimeoutException)
            {
                return false;
            }
        }));
        for (var i = 0; i < mirrors.Length; i++)
        {
            if (!told[i])
            {
                _mirrors.Remove(mirrors[i]);
            }
        }
    }

    private void Log(string line)
    {
        _msgbuf.Enqueue(line);
        while (_msgbuf.Count > MsgbufLines)
        {
            _msgbuf.Dequeue();
        }
    }

    private FailPointState State(string name)
    {
        if (!_failPoints.TryGetValue(name, out var fp))
        {
            fp = new FailPointState();
            _failPoints[name] = fp;
        }

        return fp;
    }

    private sealed class FailPointState
    {
        public IReadOnlyList<FailPointTerm> Terms { get; set; } = [];

        public int[] Remaining { get; set; } = [];

        public string Setting => Terms.Count == 0 ? "off" : FailPointSpec.Format(Terms);

        public long Fired { get; set; }

        public Dictionary<int, LockWaiter> Paused { get; } = [];

        public List<TaskCompletionSource> Watchers { get; } = [];

        public TaskCompletionSource Released { get; set; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
