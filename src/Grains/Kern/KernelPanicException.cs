namespace JailCluster.Kernel.Kern;

using JailCluster.Panics;

/// <summary>Unwinds the C# stack of the thread that panicked, after the report was recorded.</summary>
public sealed class KernelPanicException : Exception
{
    /// <summary>Creates the exception.</summary>
    public KernelPanicException()
        : base("panic")
    {
    }

    /// <summary>Creates the exception.</summary>
    public KernelPanicException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public KernelPanicException(string message, Exception inner)
        : base(message, inner)
    {
    }

    /// <summary>Creates the exception for a recorded report.</summary>
    public KernelPanicException(PanicReport report)
        : base("panic: " + report.Message)
    {
        Report = report;
    }

    /// <summary>The report, when recorded.</summary>
    public PanicReport? Report { get; }
}
