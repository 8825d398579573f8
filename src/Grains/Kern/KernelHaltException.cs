namespace JailCluster.Kernel.Kern;

/// <summary>Thrown in a thread whose host halted: the CPU it runs on stopped with the panic.</summary>
public sealed class KernelHaltException : Exception
{
    /// <summary>Creates the exception.</summary>
    public KernelHaltException()
        : base("host halted")
    {
    }

    /// <summary>Creates the exception.</summary>
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
