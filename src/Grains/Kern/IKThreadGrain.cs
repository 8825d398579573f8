namespace JailCluster.Kernel.Kern;

/// <summary>A kernel thread serving a taskqueue (<c>thread taskq</c>, <c>swi6: task queue</c>).</summary>
[Alias("jc.IKThreadGrain")]
public interface IKThreadGrain : IGrainWithStringKey
{
    /// <summary>
    /// Wakes the thread to run its taskqueue until empty. One-way: whoever queued the work does not wait
    /// for it, as <c>taskqueue_enqueue</c> does not.
    /// </summary>
    [OneWay, Alias("Wakeup")]
    Task Wakeup();
}
