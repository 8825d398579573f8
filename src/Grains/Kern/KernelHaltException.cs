namespace JailCluster.Kernel.Kern;

/// <summary>
/// Thrown in a thread whose host halted: the CPU it runs on stopped with a panic elsewhere, a reboot, or the loss of
/// a silo that held the kernel's memory. The message says which.
/// </summary>
public sealed class KernelHaltException : Exception
{
    /// <summary>Why a host halts when another thread panicked first.</summary>
    public const string Panicked = "another CPU panicked";

    /// <summary>Why the threads of a boot that a reboot ended halt.</summary>
    public const string Rebooted = "the host was rebooted";

    /// <summary>Creates the exception for a host halted by a panic elsewhere.</summary>
    public KernelHaltException()
        : base(Panicked)
    {
    }

    /// <summary>Creates the exception for a host halted for <paramref name="message"/>.</summary>
    public KernelHaltException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public KernelHaltException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
