namespace JailCluster.Kernel.Sync;

/// <summary>
/// A sleepable exclusive lock owned by a thread, recursive when created so (<c>sx_init_flags(SX_RECURSE)</c>),
/// like <c>ifnet_detach_sxlock</c>. Waiting is bounded per call so no call outlives the response timeout;
/// the thread calls again until it gets the lock.
/// </summary>
[Alias("jc.ISxLockGrain")]
public interface ISxLockGrain : IGrainWithStringKey
{
    /// <summary>
    /// <c>sx_xlock</c>: true once held by <paramref name="who"/>, false when <paramref name="max"/> passed first.
    /// </summary>
    [Alias("XLock"), ResponseTimeout("00:01:00")]
    Task<bool> XLock(LockWaiter who, TimeSpan max);

    /// <summary><c>sx_xunlock</c>.</summary>
    [Alias("XUnlock")]
    Task XUnlock(int tid);

    /// <summary>Holder and waiters.</summary>
    [Alias("View")]
    Task<LockView> View();

    /// <summary>
    /// A barrier: returns the waiters once there is at least one, or an empty list after <paramref name="max"/>.
    /// </summary>
    [Alias("WaitForWaiters"), ResponseTimeout("00:01:00")]
    Task<IReadOnlyList<LockWaiter>> WaitForWaiters(TimeSpan max);
}
