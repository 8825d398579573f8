namespace JailCluster.Hosts;

using JailCluster.Commands;

/// <summary>
/// One simulated FreeBSD machine as its operator sees it: power, console and the commands run on it.
/// Keyed by host name. The kernel's memory and threads are other grains; this one only starts them.
/// </summary>
[Alias("jc.IHostGrain")]
public interface IHostGrain : IGrainWithStringKey
{
    /// <summary>Boots the host. Booting a host that is up is a reboot.</summary>
    [Alias("Boot")]
    Task<HostInfo> Boot(BootOptions options);

    /// <summary>Reboots with the same options, losing all state.</summary>
    [Alias("Reboot")]
    Task<HostInfo> Reboot();

    /// <summary>State, kernel and generation.</summary>
    [Alias("GetInfo")]
    Task<HostInfo> GetInfo();

    /// <summary>
    /// Runs one command line (argv, as a shell would split it: <c>jail -c name=J persist vnet</c>,
    /// <c>ifconfig epair create</c>, <c>sysctl debug.fail_point.a3=pause</c>, ...) as a new process.
    /// </summary>
    [Alias("Exec"), ResponseTimeout("00:30:00")]
    Task<CommandResult> Exec(IReadOnlyList<string> argv, ExecOptions options);

    /// <summary>
    /// A barrier: the host's panic once it has one, or null when <paramref name="max"/> passes first.
    /// </summary>
    [Alias("WaitForPanic"), ResponseTimeout("00:30:00")]
    Task<Panics.PanicReport?> WaitForPanic(TimeSpan max);

    /// <summary>
    /// A barrier: the host's info once it is in <paramref name="state"/>, or as it is after <paramref name="max"/>.
    /// </summary>
    [Alias("WaitForState"), ResponseTimeout("00:30:00")]
    Task<HostInfo> WaitForState(HostState state, TimeSpan max);

    /// <summary>
    /// A barrier: true once nothing is left to happen by itself (no dying jail, no queued or running
    /// task), or the host has panicked; false when <paramref name="max"/> passes first.
    /// </summary>
    [Alias("Settle"), ResponseTimeout("00:30:00")]
    Task<bool> Settle(TimeSpan max);

    /// <summary>Runs the invariant checker over the host's kernel memory.</summary>
    [Alias("Check"), ResponseTimeout("00:10:00")]
    Task<IReadOnlyList<CheckFinding>> Check();
}
