namespace JailCluster.Client.Cli;

/// <summary>jailctl's help text.</summary>
public static class Usage
{
    /// <summary>The FreeBSD commands a host understands; naming one without <c>-H</c> gets a hint.</summary>
    public static IReadOnlySet<string> FreeBsdCommands { get; } =
        new HashSet<string>(StringComparer.Ordinal)
        {
            "jail", "jls", "jexec", "ifconfig", "sysctl", "fpwait", "procstat",
        };

    /// <summary>The full help.</summary>
    public const string Text = """
        usage: jailctl [--json] COMMAND ...
               jailctl -H HOST [--json] FREEBSD-COMMAND-LINE...

        Local cluster (state in $JAILCLUSTER_HOME, default ./.jailcluster):
          cluster up [--silos N] [--redis CONN]  start N silo processes (default 3) and wait until they answer
          cluster status [--json] [--grains]     silos, pids and activation counts (--grains: by grain type)
          cluster down                           stop the silos, secondaries first
          cluster kill SILO                      SIGKILL one silo, as a machine dies
          cluster start SILO                     start a dead silo again on its ports
          cluster wait ACTIVE [SECONDS]          wait until membership counts ACTIVE active silos

        Simulated hosts:
          host boot NAME [--kernel V] [--invariants] [--placement spread|local] [--seed N]
                         [--tunable NAME=MICROSECONDS]...   (epoch-wait, proc-exit, if-purge, ...)
          host reboot NAME
          host list [--json]
          -H HOST jail -c name=J persist vnet vnet.interface=epair0b | jail -r J | jls [-d]
          -H HOST ifconfig epair create | ifconfig epair0a destroy | ifconfig X vnet J | ifconfig -l ...
          -H HOST jexec J ifconfig ... | jexec J sleep N
          -H HOST sysctl debug.fail_point.NAME[=SPEC] | fpwait NAME [SECONDS] | procstat -kk
          -H HOST check [--json]                 invariant checker: exit 0 clean, 1 findings
          -H HOST settle [SECONDS]               wait until nothing is left to happen on the host (or it panicked)
          [-H HOST] run FILE                     script: one command line a line, '-H NAME' prefix, '&', 'wait',
                                                 'check', 'settle [SECONDS]'

        Experiments:
          teardown [--hosts N] [--jails N] [--epairs N] [--kernel V] [--pattern P] [--procs N]
                   [--fail-point NAME=SPEC]... [--concurrency N] [--seed N] [--invariants]
                   [--placement spread|local] [--tunable NAME=US]... [--host-prefix S]
                   [--settle-timeout S] [--json FILE]
                   patterns: vnet-subr-2019 (default), vnet-subr-modern, simultaneous
          panics [--json]                        every panic in the cluster
          panic show ID                          one panic report, as the console printed it
          trace --list | trace ID [--html FILE]  kept traces; one (trace or panic id) as a two-lane interleaving
          dashboard [--port N] [--no-replay]     the Aspire dashboard on loopback, loaded with the recorded traces
          demo                                   3 silos, 12.1 until a panic, then D56374; stops what it started

        Kernels: 12.1, r368020, r368237, epair-2021, D56374.
        """;
}
