namespace JailCluster.Kernel.Kern;

using System.Diagnostics;

/// <summary>sys/kern/subr_taskqueue.c: queue, drain, and the loop of a taskqueue's thread.</summary>
public static class SubrTaskqueue
{
    /// <summary><c>taskqueue_thread</c>.</summary>
    public const string Thread = "thread";

    /// <summary><c>taskqueue_swi</c>.</summary>
    public const string Swi = "swi";

    /// <summary>
    /// <c>taskqueue_enqueue</c>: queue and, when its thread is idle, wake it; never waits for the task
    /// nor for the task the thread is running now.
    /// </summary>
    public static async Task taskqueue_enqueue(KThread td, string queue, string function, ulong arg)
    {
        using var f = td.Enter("taskqueue_enqueue");
        var task = new KTask { Function = function, Arg = arg, TraceParent = Activity.Current?.Id };
        if (await td.K.Taskqueue(queue).Enqueue(task))
        {
            await td.K.KThread(queue).Wakeup();
        }
    }

    /// <summary><c>taskqueue_drain</c>: sleep until the task is neither pending nor running.</summary>
    public static async Task taskqueue_drain(KThread td, string queue, string key)
    {
        using var f = td.Enter("taskqueue_drain");
        var tq = td.K.Taskqueue(queue);
        while (!await td.UnlessHalted(tq.Drain(key, TimeSpan.FromSeconds(10))))
        {
            await td.CheckHalted();
        }
    }

    /// <summary>Runs one task function in a taskqueue's thread.</summary>
    public static Task Run(KThread td, KTask task) => task.Function switch
    {
        // prison_complete tail-calls prison_deref, so FreeBSD's backtrace shows no frame of its own.
        "prison_complete" => KernJail.prison_deref(td, task.Arg, refs: 1, urefs: 0),
        "if_linktask" => Net.IfNet.do_link_state_change(td, task.Arg),
        _ => Task.CompletedTask,
    };
}
