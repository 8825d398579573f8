namespace JailCluster.Kernel.Kern;

using JailCluster.Commands;

/// <summary>
/// A user process with its one thread: a command (<c>ifconfig</c>, <c>jail</c>) that runs to completion,
/// or a <c>sleep</c> that stays, holding a reference to its jail, until it is killed or its time is up.
/// </summary>
[Alias("jc.IProcGrain")]
public interface IProcGrain : IGrainWithStringKey
{
    /// <summary>Runs the process; for a sleeper, returns once it sleeps.</summary>
    [Alias("Run"), ResponseTimeout("00:30:00")]
    Task<CommandResult> Run(ProcStart start);

    /// <summary>
    /// Delivers a signal without waiting for its effect (<c>kill(2)</c>); what the signal makes the process do
    /// joins the trace of the sender's span, <paramref name="traceParent"/>.
    /// </summary>
    [OneWay, Alias("Signal")]
    Task Signal(int signal, string? traceParent);
}
