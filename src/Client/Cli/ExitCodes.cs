namespace JailCluster.Client.Cli;

/// <summary>jailctl's exit statuses, from sysexits(3) where it has a word for the case.</summary>
public static class ExitCodes
{
    /// <summary>Success.</summary>
    public const int Ok = 0;

    /// <summary>A command failed, or the checker found damage.</summary>
    public const int Failure = 1;

    /// <summary>EX_USAGE: the command line is wrong.</summary>
    public const int Usage = 64;

    /// <summary>EX_DATAERR: a script or input file is wrong.</summary>
    public const int DataError = 65;

    /// <summary>EX_NOINPUT: an input file does not exist.</summary>
    public const int NoInput = 66;

    /// <summary>EX_NOHOST: the simulated host is unknown.</summary>
    public const int NoHost = 68;

    /// <summary>EX_UNAVAILABLE: no cluster is running, or it cannot be reached.</summary>
    public const int Unavailable = 69;

    /// <summary>EX_CONFIG: a setting (such as a TLS certificate file) is wrong.</summary>
    public const int Config = 78;

    /// <summary>Stopped by SIGINT, as a shell reports it.</summary>
    public const int Interrupted = 130;
}
