namespace JailCluster.Kernel.Kern;

using System.Diagnostics;
using JailCluster.Kernel.Fail;
using JailCluster.Kernel.Memory;
using JailCluster.Kernel.Placement;
using JailCluster.Telemetry;

/// <summary>
/// The thread of a taskqueue: <c>thread taskq</c> (process 0) for <c>taskqueue_thread</c>, and
/// <c>swi6: task queue</c> (process 12, intr) for <c>taskqueue_swi</c>. Woken one-way, it runs its queue dry.
/// </summary>
[KernelPlacement]
public sealed class KThreadGrain(TimeProvider time, FailPointMirror mirror) : Grain, IKThreadGrain
{
    private bool _dead;

    // A kernel grain's key names one boot generation, so its globals never change: fetch them once.
    private KernelBoot? _boot;

    /// <inheritdoc />
    public async Task Wakeup()
    {
        if (_dead)
        {
            return;
        }

        var key = this.GetPrimaryKeyString();
        var queue = key[(key.LastIndexOf('|') + 1)..];
        var boot = _boot ??=
            await GrainFactory.GetGrain<IKernelGrain>(KernelKey.GlobalsOf(KernelKey.PrefixOf(key))).Boot();
        if (boot is null)
        {
            return;
        }

        var k = new KernelContext(boot, GrainFactory, time, mirror);
        var isThread = queue == SubrTaskqueue.Thread;
        var td = isThread ? new KThread(k, "thread taskq", 0, 100008) : new KThread(k, "swi6: task queue", 12, 100012);
        using var trampoline = td.Enter("fork_trampoline", span: false);
        using var forkExit = td.Enter("fork_exit", span: false);
        using var loop = td.Enter(isThread ? "taskqueue_thread_loop" : "ithread_loop", span: false);
        using var swi = isThread ? default : td.Enter("taskqueue_swi_run", span: false);

        var tq = k.Taskqueue(queue);
        while (await tq.Next() is { } task)
        {
            try
            {
                using var run = td.Enter("taskqueue_run_locked", parent: TraceContext.Parent(task.TraceParent));
                await SubrTaskqueue.Run(td, task);
            }
            catch (Exception e) when (e is KernelPanicException or KernelHaltException)
            {
                _dead = true;
                return;
            }
            finally
            {
                await tq.Done(task.Key);
            }
        }
    }
}
