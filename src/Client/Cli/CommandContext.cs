namespace JailCluster.Client.Cli;

using JailCluster.Client.Cluster;

/// <summary>What every jailctl command works with: the state directory, the console, and the interrupt.</summary>
public sealed class CommandContext(
    StateDirectory state, TextWriter output, TextWriter error, CancellationToken interrupt)
{
    /// <summary>How long a command waits for the cluster to answer. Default: 15 s.</summary>
    public static TimeSpan ConnectTimeout { get; } = TimeSpan.FromSeconds(15);

    /// <summary>The state directory of the local cluster.</summary>
    public StateDirectory State { get; } = state;

    /// <summary>Standard output: the command's data.</summary>
    public TextWriter Out { get; } = output;

    /// <summary>Standard error: diagnostics and progress.</summary>
    public TextWriter Error { get; } = error;

    /// <summary>Cancelled by Ctrl-C, for commands that stop cleanly (see <see cref="HandlesInterrupt"/>).</summary>
    public CancellationToken Interrupt { get; } = interrupt;

    /// <summary>
    /// Set by a command that stops cleanly on Ctrl-C; otherwise Ctrl-C ends jailctl at once, as it would end any
    /// FreeBSD command.
    /// </summary>
    public bool HandlesInterrupt { get; set; }

    /// <summary>The hosts booted through this state directory.</summary>
    public HostRegistry Hosts => new(State);

    /// <summary>Connects to the running cluster, or fails with a one-line reason.</summary>
    public Task<ClusterConnection> ConnectAsync() => ClusterConnection.ConnectAsync(State, ConnectTimeout, Interrupt);
}
