namespace JailCluster.Client.Scripts;

/// <summary>What a script line does.</summary>
public enum ScriptLineKind
{
    /// <summary>A FreeBSD command line run on a host.</summary>
    Exec,

    /// <summary><c>wait</c>: waits for every line started with <c>&amp;</c>.</summary>
    Wait,

    /// <summary><c>check</c>: the invariant checker on the line's host.</summary>
    Check,

    /// <summary>
    /// <c>settle [SECONDS]</c>: waits until nothing is left to happen on the host, or it has panicked.
    /// </summary>
    Settle,
}
