namespace JailCluster.Hosts;

/// <summary>The power state of a simulated host.</summary>
public enum HostState
{
    /// <summary>Never booted, or not booted since the cluster started.</summary>
    Down = 0,

    /// <summary>Running.</summary>
    Up = 1,

    /// <summary>Stopped by a kernel panic; refuses all work until rebooted.</summary>
    Panicked = 2,

    /// <summary>Lost kernel memory with a silo that died; refuses all work until rebooted.</summary>
    Crashed = 3,
}
