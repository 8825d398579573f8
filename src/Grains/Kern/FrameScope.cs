namespace JailCluster.Kernel.Kern;

/// <summary>Pops a function's frame and ends its span when the function returns.</summary>
public readonly struct FrameScope : IDisposable
{
    private readonly KThread? _thread;
    private readonly int _depth;

    internal FrameScope(KThread thread, int depth)
    {
        _thread = thread;
        _depth = depth;
    }

    /// <inheritdoc />
    public void Dispose() => _thread?.Pop(_depth);
}
