namespace JailCluster.Telemetry;

/// <summary>Names of the project's activity sources, span attributes and span events.</summary>
public static class TelemetryNames
{
    /// <summary>One span per simulated kernel function, named exactly like the FreeBSD function.</summary>
    public const string KernelSource = "JailCluster.Kernel";

    /// <summary>Spans of client commands and teardown runs.</summary>
    public const string ClientSource = "JailCluster.Client";

    /// <summary>Semantic-convention key: the thread's name as FreeBSD prints it.</summary>
    public const string ThreadName = "thread.name";

    /// <summary>Semantic-convention key: the thread id.</summary>
    public const string ThreadId = "thread.id";

    /// <summary>Semantic-convention key: the simulated function.</summary>
    public const string CodeFunction = "code.function.name";

    /// <summary>The simulated host.</summary>
    public const string Host = "jailcluster.host";

    /// <summary>The host's kernel version.</summary>
    public const string KernelVersion = "jailcluster.kernel.version";

    /// <summary>The host's boot generation.</summary>
    public const string Generation = "jailcluster.host.generation";

    /// <summary>The process id of the thread.</summary>
    public const string Pid = "jailcluster.pid";

    /// <summary>The reference label of the step being run (A7, B5, ...).</summary>
    public const string Step = "jailcluster.step";

    /// <summary>The jail a teardown or command concerns.</summary>
    public const string Jail = "jailcluster.jail";

    /// <summary>The panic id, on the faulting span.</summary>
    public const string PanicId = "jailcluster.panic.id";

    /// <summary>The command line of a process.</summary>
    public const string Command = "jailcluster.command";

    /// <summary>Memory event attribute: the object, as <c>type name@address</c>.</summary>
    public const string MemObject = "jailcluster.mem.object";

    /// <summary>Memory event attribute: the field.</summary>
    public const string MemField = "jailcluster.mem.field";

    /// <summary>Memory event attribute: the value before.</summary>
    public const string MemOld = "jailcluster.mem.old";

    /// <summary>Memory event attribute: the value after (store) or read (load).</summary>
    public const string MemValue = "jailcluster.mem.value";

    /// <summary>Memory event attribute: true when the memory was already freed.</summary>
    public const string MemFreed = "jailcluster.mem.freed";

    /// <summary>Lock event attribute: the lock's name.</summary>
    public const string LockName = "jailcluster.lock.name";

    /// <summary>Sleep event attribute: the wait's length in microseconds.</summary>
    public const string SleepMicros = "jailcluster.sleep.us";

    /// <summary>Fail point event attribute: the fail point's name.</summary>
    public const string FailPoint = "jailcluster.fail_point";

    /// <summary>Fail point event attribute: what it did.</summary>
    public const string FailPointAction = "jailcluster.fail_point.action";

    /// <summary>Span events a kernel span carries.</summary>
    public static class Events
    {
        /// <summary>A load from a watched field.</summary>
        public const string Load = "load";

        /// <summary>A store to a watched field.</summary>
        public const string Store = "store";

        /// <summary>An object freed.</summary>
        public const string Free = "free";

        /// <summary>The start of a labelled step.</summary>
        public const string Step = "step";

        /// <summary>A lock taken.</summary>
        public const string LockAcquire = "lock.acquire";

        /// <summary>A lock released.</summary>
        public const string LockRelease = "lock.release";

        /// <summary>A sleep (epoch wait, drain, fail point sleep).</summary>
        public const string Sleep = "sleep";

        /// <summary>A fail point that fired.</summary>
        public const string FailPoint = "fail_point";
    }
}
