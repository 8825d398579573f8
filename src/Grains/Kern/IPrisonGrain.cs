namespace JailCluster.Kernel.Kern;

using JailCluster.Kernel.Memory;

/// <summary>A <c>struct prison</c>; each method is one critical section under <c>pr_mtx</c>.</summary>
[Alias("jc.IPrisonGrain")]
public interface IPrisonGrain : IKObjectGrain
{
    /// <summary>Fills in a new prison: one reference and one user reference when persistent.</summary>
    [Alias("Setup")]
    Task Setup(int jid, bool persist, ulong vnet);

    /// <summary>Everything, read under the mutex.</summary>
    [Alias("Read")]
    Task<PrisonView> Read();

    /// <summary><c>prison_hold</c> + <c>prison_proc_hold</c> for a new process.</summary>
    [Alias("AttachProc")]
    Task<bool> AttachProc(int pid);

    /// <summary>Forgets a process that exited (it still holds its credential reference).</summary>
    [Alias("DetachProc")]
    Task DetachProc(int pid);

    /// <summary>Clears PR_PERSIST and marks the prison dying; returns whether it was persistent.</summary>
    [Alias("Remove")]
    Task<bool> Remove();

    /// <summary>Drops references; returns the counts left.</summary>
    [Alias("Release")]
    Task<PrisonView> Release(int refs, int urefs);

    /// <summary>
    /// <c>prison_free</c>'s test: drops one reference unless it is the last, and returns true when it is,
    /// in which case the caller must defer the last drop to <c>taskqueue_thread</c>.
    /// </summary>
    [Alias("FreeOrDefer")]
    Task<bool> FreeOrDefer();
}
