namespace JailCluster.Kernel.Kern;

using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using JailCluster.Kernel.Amd64;
using JailCluster.Kernel.Fail;
using JailCluster.Kernel.Memory;
using JailCluster.Kernel.Sync;
using JailCluster.Kernel.Telemetry;
using JailCluster.Panics;
using JailCluster.Telemetry;

/// <summary>
/// A running kernel thread (<c>struct thread</c>): its simulated call stack, its current vnet and jail, and
/// every access it makes to kernel memory. Kernel functions take it as FreeBSD's take <c>td</c>. Every
/// await in here is a point where FreeBSD could be preempted; the memory model turns a bad access into a
/// trap, and a trap into the host's panic.
/// </summary>
public sealed class KThread
{
    private static readonly TimeSpan WaitSlice = TimeSpan.FromSeconds(10);

    // Boxed once: every watched load and store carries one of them.
    private static readonly object FreedTrue = true;
    private static readonly object FreedFalse = false;

    private readonly List<(string Function, Activity? Span)> _frames = [];
    private readonly Dictionary<ulong, (Provenance Origin, string Object, string Field)> _origins = [];
    private KeyValuePair<string, object?>[]? _spanTags;
    private int _allocations;

    /// <summary>Creates the thread.</summary>
    public KThread(KernelContext k, string name, int pid, int tid)
    {
        K = k;
        Name = name;
        Pid = pid;
        Tid = tid;
        CurVnet = k.Boot.Vnet0;
    }

    /// <summary>The boot this thread runs in.</summary>
    public KernelContext K { get; }

    /// <summary>Thread name, as FreeBSD prints it.</summary>
    public string Name { get; }

    /// <summary>Process id.</summary>
    public int Pid { get; }

    /// <summary>Thread id.</summary>
    public int Tid { get; }

    /// <summary>CURVNET.</summary>
    public ulong CurVnet { get; set; }

    /// <summary>The jail the thread's credential is in; 0 for the host (prison0).</summary>
    public ulong Prison { get; set; }

    /// <summary>The last reference step entered (A3, B5), or null.</summary>
    public string? CurrentStep { get; private set; }

    /// <summary>This thread as a lock owner or waiter.</summary>
    public LockWaiter Who => new(Tid, Name, Pid);

    /// <summary>The simulated call stack, innermost first.</summary>
    public IReadOnlyList<string> Stack
    {
        get
        {
            // Every store of NULL and every free records it, so made straight into the one array.
            var stack = new string[_frames.Count];
            for (var i = 0; i < stack.Length; i++)
            {
                stack[i] = _frames[^(i + 1)].Function;
            }

            return stack;
        }
    }

    /// <summary>The innermost function.</summary>
    public string Function => _frames.Count == 0 ? "" : _frames[^1].Function;

    /// <summary>
    /// Enters a kernel function: pushes its frame and starts its span. Entry frames FreeBSD shows but that
    /// do no work of ours (trampolines, syscall entry) pass <paramref name="span"/> false.
    /// </summary>
    public FrameScope Enter(string function, bool span = true, ActivityContext parent = default)
    {
        Activity? activity = null;
        if (span && KernelTelemetry.Source.HasListeners())
        {
            // A span with no parent given continues the current span.
            activity = KernelTelemetry.Source.StartActivity(
                function, ActivityKind.Internal, parent, SpanTags(function));
        }

        _frames.Add((function, activity));
        return new FrameScope(this, _frames.Count);
    }

    /// <summary>
    /// A labelled step of the reference (a1..a13, b0..b9): fires its fail point first. Returns 0 to go on
    /// or the errno a <c>return(errno)</c> fail point injects, which the step's function returns.
    /// </summary>
    public Task<int> Step(string label)
    {
        CurrentStep = label.ToUpperInvariant();
        Activity.Current?.SetTag(TelemetryNames.Step, CurrentStep);
        Activity.Current?.AddEvent(new ActivityEvent(TelemetryNames.Events.Step, tags: new ActivityTagsCollection
        {
            [TelemetryNames.Step] = CurrentStep,
        }));
        return FailPoint(label);
    }

    /// <summary>Evaluates a fail point (fail(9)'s <c>KFAIL_POINT_CODE</c>) and does what it says.</summary>
    public async Task<int> FailPoint(string name)
    {
        var kernel = K.Kernel;
        if (K.Mirror is { } mirror)
        {
            var state = await mirror.Get(K.KernelName, kernel);
            if (state.HaltedBecause is { } because)
            {
                throw new KernelHaltException(because);
            }

            if (!state.IsArmed(name))
            {
                return 0;
            }
        }

        var d = await kernel.Step(name, Who, Function);
        if (d.Action == "continue")
        {
            return 0;
        }

        if (d.Action == "halted")
        {
            throw new KernelHaltException(d.Because ?? KernelHaltException.Panicked);
        }

        Activity.Current?.AddEvent(new ActivityEvent(TelemetryNames.Events.FailPoint, tags: new ActivityTagsCollection
        {
            [TelemetryNames.FailPoint] = name,
            [TelemetryNames.FailPointAction] = d.Arg == 0 ? d.Action : $"{d.Action}({d.Arg})",
        }));
        switch (d.Action)
        {
            case "return":
                return d.Arg;
            case "sleep" or "delay":
                await Sleep(d.Arg * 1000, "fail point " + name);
                return 0;
            case "yield":
                await Task.Yield();
                return 0;
            case "pause":
                await Block("fail point " + name);
                try
                {
                    while (!await UnlessHalted(kernel.AwaitRelease(name, Tid, WaitSlice)))
                    {
                    }
                }
                finally
                {
                    await kernel.Unblock(Tid);
                }

                await CheckHalted();
                return 0;
            case "panic":
                throw await Panic($"fail point {name} panicking");
            default:
                return 0;
        }
    }

    /// <summary>Loads a field through a pointer.</summary>
    /// <remarks>
    /// Loads and stores are most of a kernel function's awaits: their state machines come from a pool, and the
    /// caller's await of one makes no continuation object of its own.
    /// </remarks>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<ulong> Load(ulong ptr, KField field)
    {
        var obj = await Resolve(ptr, field, write: false);
        var r = await obj.Load(field.Name);
        if (r.Origin is not null)
        {
            _origins[r.Value] = (r.Origin, Describe(ptr), field.Name);
        }

        if (field.Watched || r.Freed)
        {
            MemoryEvent(TelemetryNames.Events.Load, ptr, field, null, r.Value, r.Freed);
        }

        return r.Value;
    }

    /// <summary>Stores a field through a pointer; returns the old value.</summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<ulong> Store(ulong ptr, KField field, ulong value)
    {
        var obj = await Resolve(ptr, field, write: true);

        // Only a store of NULL is remembered by the memory, so only it carries who made it; any other store
        // sends who only in the rare case that the memory turned out to be freed.
        var who = value == 0 ? Provenance("store", ptr, field.Name) : null;
        var (old, freed) = await obj.Store(field.Name, value, who);
        if (freed && who is null)
        {
            await obj.WroteAfterFree(Provenance("store", ptr, field.Name));
        }

        if (field.Watched || freed)
        {
            MemoryEvent(TelemetryNames.Events.Store, ptr, field, old, value, freed);
        }

        return old;
    }

    /// <summary>Allocates and initialises an object (<c>malloc(M_ZERO)</c>, <c>uma_zalloc</c>).</summary>
    public async Task<ulong> Alloc(KType type, string name, IReadOnlyDictionary<string, ulong>? words = null)
    {
        var addr = KAddr.Of(type, ((long)Pid << 8) | (long)++_allocations);
        await K.Kernel.ZoneAlloc(addr);
        await K.Object(addr).Init(new KObjectInit
        {
            Name = name,
            Invariants = K.Invariants,
            Words = words ?? new Dictionary<string, ulong>(),
        });
        return addr;
    }

    /// <summary>Reads <c>if_xname</c> (or a prison's name) through a pointer.</summary>
    public async Task<string> LoadName(ulong ptr)
    {
        var obj = await Resolve(ptr, null, write: false);
        return await obj.GetName();
    }

    /// <summary><c>atomic_cmpset</c> through a pointer; returns the value the field held.</summary>
    public async Task<ulong> CompareExchange(ulong ptr, KField field, ulong expected, ulong value)
    {
        var obj = await Resolve(ptr, field, write: true);
        return await obj.CompareExchange(field.Name, expected, value);
    }

    /// <summary>An atomic add through a pointer; returns the new value.</summary>
    public async Task<long> FetchAdd(ulong ptr, KField field, long delta)
    {
        var obj = await Resolve(ptr, field, write: true);
        return await obj.FetchAdd(field.Name, delta);
    }

    /// <summary>The vnet a pointer points to, trapping on a bad pointer.</summary>
    public async Task<Net.IVnetGrain> Vnet(ulong ptr)
    {
        await Resolve(ptr, null, write: false);
        return K.Vnet(ptr);
    }

    /// <summary>The cloner a pointer points to, trapping on a bad pointer.</summary>
    public async Task<Net.IIfCloneGrain> Cloner(ulong ptr)
    {
        await Resolve(ptr, null, write: false);
        return K.Cloner(ptr);
    }

    /// <summary>The prison a pointer points to, trapping on a bad pointer.</summary>
    public async Task<IPrisonGrain> PrisonAt(ulong ptr)
    {
        await Resolve(ptr, null, write: false);
        return K.Prison(ptr);
    }

    /// <summary>Frees an object (<c>free(9)</c>, <c>uma_zfree</c>).</summary>
    public async Task Free(ulong ptr, string zone)
    {
        var obj = await Resolve(ptr, null, write: true);
        var fresh = await obj.Free(Provenance("free", ptr, null));
        Activity.Current?.AddEvent(new ActivityEvent(TelemetryNames.Events.Free, tags: new ActivityTagsCollection
        {
            [TelemetryNames.MemObject] = Describe(ptr),
            [TelemetryNames.MemFreed] = !fresh,
        }));
        if (!fresh && K.Invariants)
        {
            throw await Panic($"Duplicate free of {KAddr.Format(ptr)} from zone {zone}");
        }
    }

    /// <summary>Calls through a function pointer, as <c>ifp-&gt;if_qflush(ifp)</c> does.</summary>
    public async Task<string> Callee(ulong fn)
    {
        if (fn < KAddr.NullPageLimit)
        {
            throw await Trap(12, fn, "supervisor instruction fetch, page not present", fn);
        }

        if (KAddr.IsNonCanonical(fn))
        {
            throw await Trap(9, 0, null, fn);
        }

        var name = KFunctions.At(fn);
        if (name is null)
        {
            throw await Trap(12, fn, "supervisor instruction fetch, page not present", fn);
        }

        return name;
    }

    /// <summary>
    /// An awaited wait of real time: <c>epoch_wait_preempt</c>, protocol teardown, a fail point's
    /// <c>sleep</c>. Zero yields once.
    /// </summary>
    public async Task Sleep(int micros, string what)
    {
        Activity.Current?.AddEvent(new ActivityEvent(TelemetryNames.Events.Sleep, tags: new ActivityTagsCollection
        {
            [TelemetryNames.SleepMicros] = micros,
            ["jailcluster.sleep.on"] = what,
        }));
        if (micros <= 0)
        {
            await Task.Yield();
        }
        else
        {
            await Task.Delay(TimeSpan.FromMicroseconds(micros), K.Time);
        }

        await CheckHalted();
    }

    /// <summary><c>sx_xlock</c>; fires the lock's fail point first when it has one.</summary>
    public async Task XLock(string name)
    {
        if (name == FailPointNames.IfnetDetachSxlock)
        {
            await FailPoint(name);
        }

        var sx = K.Sx(name);
        if (!await sx.XLock(Who, TimeSpan.Zero))
        {
            await Block(name);
            try
            {
                while (!await UnlessHalted(sx.XLock(Who, WaitSlice)))
                {
                }
            }
            finally
            {
                await K.Kernel.Unblock(Tid);
            }
        }

        Activity.Current?.AddEvent(new ActivityEvent(TelemetryNames.Events.LockAcquire, tags: new ActivityTagsCollection
        {
            [TelemetryNames.LockName] = name,
        }));
        await CheckHalted();
    }

    /// <summary><c>sx_xunlock</c>.</summary>
    public async Task XUnlock(string name)
    {
        await K.Sx(name).XUnlock(Tid);
        Activity.Current?.AddEvent(new ActivityEvent(TelemetryNames.Events.LockRelease, tags: new ActivityTagsCollection
        {
            [TelemetryNames.LockName] = name,
        }));
    }

    /// <summary>Marks a short critical section under a non-sleeping lock in the trace (IFNET_WLOCK).</summary>
    public void Locked(string name, bool acquire) =>
        Activity.Current?.AddEvent(new ActivityEvent(
            acquire ? TelemetryNames.Events.LockAcquire : TelemetryNames.Events.LockRelease,
            tags: new ActivityTagsCollection { [TelemetryNames.LockName] = name }));

    /// <summary><c>KASSERT</c>: live only on INVARIANTS kernels.</summary>
    public async Task Kassert(bool condition, string message)
    {
        if (K.Invariants && !condition)
        {
            throw await Panic(message, "kassert_panic");
        }
    }

    /// <summary><c>panic(9)</c>: records the report and returns the exception that unwinds this thread.</summary>
    public Task<Exception> Panic(string message, string? via = null) => Record(trap: 0, 0, null, message, via, null, 0);

    /// <summary>Appends to the kernel message buffer.</summary>
    public Task Printf(string line) => K.Kernel.Console(line);

    /// <summary>
    /// Sleeps on <paramref name="wait"/> (a lock, a paused fail point, a drain) unless the kernel halts first: a
    /// halted kernel stops its sleeping threads too, so that none waits for ever on a holder whose memory is gone.
    /// </summary>
    public async Task<T> UnlessHalted<T>(Task<T> wait)
    {
        ArgumentNullException.ThrowIfNull(wait);
        if (K.Mirror is not { } mirror)
        {
            return await wait;
        }

        var halted = mirror.WhenHalted(K.KernelName);
        if (await Task.WhenAny(wait, halted) == halted)
        {
            wait.Ignore();
            throw await Halt();
        }

        return await wait;
    }

    /// <summary>Stops here when the host halted: another CPU panicked, the host rebooted, or a silo died.</summary>
    public async Task CheckHalted()
    {
        if (await HaltedBecause() is { } because)
        {
            throw new KernelHaltException(because);
        }
    }

    /// <summary>Who did what, now, for the memory model to remember.</summary>
    public Provenance Provenance(string action, ulong ptr, string? field) => new()
    {
        Action = action,
        Object = Describe(ptr),
        Field = field,
        Thread = Name,
        Pid = Pid,
        Tid = Tid,
        Stack = Stack,
        Time = K.Time.GetUtcNow(),
        Step = CurrentStep,
        TraceId = Activity.Current?.TraceId.ToHexString(),
        SpanId = Activity.Current?.SpanId.ToHexString(),
    };

    internal void Pop(int depth)
    {
        while (_frames.Count >= depth)
        {
            _frames[^1].Span?.Dispose();
            _frames.RemoveAt(_frames.Count - 1);
        }
    }

    // Why the host halted as this silo knows it, or null while it runs.
    private async Task<string?> HaltedBecause() => K.Mirror is { } mirror
        ? (await mirror.Get(K.KernelName, K.Kernel)).HaltedBecause
        : await K.Kernel.PanicState() is null ? null : KernelHaltException.Panicked;

    // The exception that stops a thread of a host known to have halted.
    private async Task<KernelHaltException> Halt() => new(await HaltedBecause() ?? KernelHaltException.Panicked);

    // The attributes of a span of this thread: the function's, then the thread's, which are made (and boxed) once.
    // The activity copies them as it starts, so the one array serves every span.
    private KeyValuePair<string, object?>[] SpanTags(string function)
    {
        _spanTags ??=
        [
            default,
            new(TelemetryNames.ThreadName, Name),
            new(TelemetryNames.ThreadId, Tid),
            new(TelemetryNames.Pid, Pid),
            new(TelemetryNames.Host, K.Boot.Host),
            new(TelemetryNames.KernelVersion, K.Boot.Options.Kernel),
        ];
        _spanTags[0] = new(TelemetryNames.CodeFunction, function);
        return _spanTags;
    }

    private static string Describe(ulong ptr)
    {
        KAddr.TryDecode(ptr, out var type, out _, out _);
        return KAddr.TypeName(type) + "@" + KAddr.Format(ptr);
    }

    private void MemoryEvent(string kind, ulong ptr, KField field, ulong? old, ulong value, bool freed)
    {
        var span = Activity.Current;
        if (span is null)
        {
            return;
        }

        var tags = new ActivityTagsCollection
        {
            [TelemetryNames.MemObject] = Describe(ptr),
            [TelemetryNames.MemField] = field.Name,
            [TelemetryNames.MemValue] = KAddr.Format(value),
            [TelemetryNames.MemFreed] = freed ? FreedTrue : FreedFalse,
        };
        if (old is { } o)
        {
            tags[TelemetryNames.MemOld] = KAddr.Format(o);
        }

        if (CurrentStep is { } step)
        {
            tags[TelemetryNames.Step] = step;
        }

        span.AddEvent(new ActivityEvent(kind, tags: tags));
    }

    // The object a pointer leads to, with no task made for the common case of a mapped address.
    private ValueTask<IKObjectGrain> Resolve(ulong ptr, KField? field, bool write)
    {
        var ea = unchecked(ptr + (ulong)(field?.Offset ?? 0));
        return ptr < KAddr.NullPageLimit || KAddr.IsNonCanonical(ea) || !KAddr.TryDecode(ptr, out _, out _, out _)
            ? new ValueTask<IKObjectGrain>(Fault(ptr, ea, write))
            : new ValueTask<IKObjectGrain>(K.Object(ptr));
    }

    // The trap that an unmapped or non-canonical address takes.
    private async Task<IKObjectGrain> Fault(ulong ptr, ulong ea, bool write)
    {
        if (ptr >= KAddr.NullPageLimit && KAddr.IsNonCanonical(ea))
        {
            throw await Trap(9, 0, null, ptr);
        }

        var code = write ? "supervisor write data, page not present" : "supervisor read data, page not present";
        throw await Trap(12, ea, code, ptr);
    }

    private Task<Exception> Trap(int trapno, ulong faultAddress, string? faultCode, ulong badPointer)
    {
        var message = trapno == 12 ? "page fault" : "general protection fault";
        _origins.TryGetValue(badPointer, out var origin);
        return Record(trapno, faultAddress, faultCode, message, null, origin.Origin, badPointer);
    }

    private async Task<Exception> Record(
        int trap,
        ulong faultAddress,
        string? faultCode,
        string message,
        string? via,
        Provenance? culprit,
        ulong badValue)
    {
        var kernel = K.Kernel;
        var id = await kernel.NextPanicId();
        var span = Activity.Current;
        var now = K.Time.GetUtcNow();
        var report = TrapReport.Build(new TrapReport.Input
        {
            Id = id,
            Host = K.Boot.Host,
            Generation = K.Boot.Generation,
            Kernel = K.Boot.Options.Kernel,
            Trap = trap,
            FaultAddress = faultAddress,
            FaultCode = faultCode,
            Message = message,
            Via = via,
            Thread = Name,
            Pid = Pid,
            Tid = Tid,
            Frames = Stack,
            Culprit = culprit,
            BadValue = badValue,
            Time = now,
            Step = CurrentStep,
            TraceId = span?.TraceId.ToHexString(),
            SpanId = span?.SpanId.ToHexString(),
        });

        if (!await kernel.Panic(report))
        {
            return await Halt();
        }

        if (span is not null)
        {
            span.SetStatus(ActivityStatusCode.Error, "panic: " + message);
            span.SetTag(TelemetryNames.PanicId, id);
            span.AddEvent(new ActivityEvent("exception", tags: new ActivityTagsCollection
            {
                ["exception.type"] = trap == 0 ? "panic" : string.Create(CultureInfo.InvariantCulture, $"trap {trap}"),
                ["exception.message"] = "panic: " + message,
                ["exception.stacktrace"] = TrapReport.Backtrace(report.Text),
            }));
            if (culprit?.TraceId is { } t && culprit.SpanId is { } s)
            {
                span.AddLink(new ActivityLink(new ActivityContext(
                    ActivityTraceId.CreateFromString(t),
                    ActivitySpanId.CreateFromString(s),
                    ActivityTraceFlags.Recorded)));
            }
        }

        // The CPU stopped here: every span of this thread ends at the panic, not when C# unwinds.
        for (var i = _frames.Count - 1; i >= 0; i--)
        {
            _frames[i].Span?.Stop();
        }

        await K.Grains.GetGrain<IPanicLogGrain>(IPanicLogGrain.ClusterKey).Record(report);
        return new KernelPanicException(report);
    }

    private Task Block(string channel) => K.Kernel.Block(new BlockedThread
    {
        Pid = Pid,
        Tid = Tid,
        Thread = Name,
        WaitChannel = channel,
        Stack = Stack,
    });
}
