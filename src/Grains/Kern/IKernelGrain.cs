namespace JailCluster.Kernel.Kern;

using JailCluster.Kernel.Fail;
using JailCluster.Kernel.Sync;
using JailCluster.Panics;

/// <summary>
/// The globals of one boot: <c>allprison</c>, pid allocation, the fail point table, the panic state, the
/// console, and the zone table the checker walks. Reentrant, and no method awaits another grain; the
/// waits (a paused fail point) wait on this grain's own state. Changes to the fail point table and the halt
/// are pushed to each silo's <see cref="IFailPointMirror"/> before the call that made them returns.
/// </summary>
[Alias("jc.IKernelGrain")]
public interface IKernelGrain : IGrainWithStringKey
{
    /// <summary>Sets the boot's globals.</summary>
    [Alias("Start")]
    Task Start(KernelBoot boot);

    /// <summary>The boot's globals, or null when the host never booted this generation.</summary>
    [Alias("Boot")]
    Task<KernelBoot?> Boot();

    /// <summary>The panic that halted the host, or null while it runs.</summary>
    [Alias("PanicState")]
    Task<PanicReport?> PanicState();

    /// <summary>Allocates a pid.</summary>
    [Alias("AllocPid")]
    Task<int> AllocPid();

    /// <summary>
    /// Allocates a pid for a new process unless the host has panicked (then 0): the check and the allocation that
    /// every command starts with, in one call.
    /// </summary>
    [Alias("AllocPidUnlessPanicked")]
    Task<int> AllocPidUnlessPanicked();

    /// <summary>Adds a prison to <c>allprison</c>: its jid, or -EEXIST when a live prison has that name.</summary>
    [Alias("PrisonAdd")]
    Task<int> PrisonAdd(string name, ulong address);

    /// <summary>Finds a prison by name or jid; dying ones only when asked.</summary>
    [Alias("PrisonFind")]
    Task<PrisonEntry?> PrisonFind(string nameOrJid, bool includeDying);

    /// <summary>Marks a prison dying (its name can be reused at once).</summary>
    [Alias("PrisonDying")]
    Task PrisonDying(ulong address);

    /// <summary>Removes a prison from <c>allprison</c>.</summary>
    [Alias("PrisonUnlist")]
    Task PrisonUnlist(ulong address);

    /// <summary><c>allprison</c> in jid order.</summary>
    [Alias("Prisons")]
    Task<IReadOnlyList<PrisonEntry>> Prisons();

    /// <summary>Records an allocation (UMA's bookkeeping), so the checker can find leaks.</summary>
    [Alias("ZoneAlloc")]
    Task ZoneAlloc(ulong address);

    /// <summary>Every address ever allocated this boot.</summary>
    [Alias("Zone")]
    Task<IReadOnlyList<ulong>> Zone();

    /// <summary>Evaluates a fail point before a step; also tells a thread that the host has halted.</summary>
    [Alias("Step")]
    Task<FailDecision> Step(string failPoint, LockWaiter thread, string function);

    /// <summary>
    /// Subscribes a silo's mirror to this boot's armed fail points and halt, and returns the state it starts
    /// from; every later change is pushed to it.
    /// </summary>
    [Alias("Subscribe")]
    Task<FailPointMirrorState> Subscribe(IFailPointMirror mirror);

    /// <summary>
    /// Waits while <paramref name="thread"/> is paused at <paramref name="failPoint"/>; true once released.
    /// </summary>
    [Alias("AwaitRelease"), ResponseTimeout("00:01:00")]
    Task<bool> AwaitRelease(string failPoint, int tid, TimeSpan max);

    /// <summary>
    /// Sets a fail point; returns the old setting, or null with an error when the expression is malformed.
    /// </summary>
    [Alias("SetFailPoint")]
    Task<(string? Old, string? Error)> SetFailPoint(string name, string expression);

    /// <summary>A fail point's state.</summary>
    [Alias("GetFailPoint")]
    Task<FailPointView> GetFailPoint(string name);

    /// <summary>
    /// A barrier: the threads paused at a fail point, once there is one, or none after <paramref name="max"/>.
    /// </summary>
    [Alias("WaitForPause"), ResponseTimeout("00:10:00")]
    Task<IReadOnlyList<LockWaiter>> WaitForPause(string name, TimeSpan max);

    /// <summary>A barrier: the panic once there is one, or null after <paramref name="max"/>.</summary>
    [Alias("WaitForPanic"), ResponseTimeout("00:30:00")]
    Task<PanicReport?> WaitForPanic(TimeSpan max);

    /// <summary>Records a panic and halts the host; false when it had already halted (the first panic wins).</summary>
    [Alias("Panic")]
    Task<bool> Panic(PanicReport report);

    /// <summary>Appends a line to the message buffer.</summary>
    [Alias("Console")]
    Task Console(string line);

    /// <summary>The message buffer.</summary>
    [Alias("Dmesg")]
    Task<IReadOnlyList<string>> Dmesg();

    /// <summary>A thread went to sleep on something a user may want to see.</summary>
    [Alias("Block")]
    Task Block(BlockedThread thread);

    /// <summary>It woke up.</summary>
    [Alias("Unblock")]
    Task Unblock(int tid);

    /// <summary>Sleeping threads.</summary>
    [Alias("Blocked")]
    Task<IReadOnlyList<BlockedThread>> Blocked();

    /// <summary>
    /// The host rebooted, or lost memory with a silo: every thread of this boot stops at its next step, a sleeping
    /// one when it wakes, and says <paramref name="because"/>. The first reason given stays.
    /// </summary>
    [Alias("Retire")]
    Task Retire(string because);

    /// <summary>Names the next panic id.</summary>
    [Alias("NextPanicId")]
    Task<string> NextPanicId();
}
