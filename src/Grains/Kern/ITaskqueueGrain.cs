namespace JailCluster.Kernel.Kern;

/// <summary>
/// A taskqueue's memory: its queue and the task now running. Enqueueing never waits for anything; only
/// <see cref="Drain"/> waits, and only on this grain's own state.
/// </summary>
[Alias("jc.ITaskqueueGrain")]
public interface ITaskqueueGrain : IGrainWithStringKey
{
    /// <summary><c>taskqueue_enqueue</c>; returns true when the taskqueue's thread is idle and must be woken.</summary>
    [Alias("Enqueue")]
    Task<bool> Enqueue(KTask task);

    /// <summary>Takes the next task as running, or returns null and marks the thread idle.</summary>
    [Alias("Next")]
    Task<KTask?> Next();

    /// <summary>The running task finished.</summary>
    [Alias("Done")]
    Task Done(string key);

    /// <summary>
    /// <c>taskqueue_drain</c>: returns true once the task is neither pending nor running, or false when
    /// <paramref name="max"/> passed first (the caller waits again).
    /// </summary>
    [Alias("Drain"), ResponseTimeout("00:01:00")]
    Task<bool> Drain(string key, TimeSpan max);

    /// <summary>Pending task keys and the running one.</summary>
    [Alias("Pending")]
    Task<IReadOnlyList<string>> Pending();
}
