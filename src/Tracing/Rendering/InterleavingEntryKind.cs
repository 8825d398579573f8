namespace JailCluster.Tracing.Rendering;

/// <summary>What a row of the timeline shows.</summary>
public enum InterleavingEntryKind
{
    /// <summary>A kernel function was entered (a span started).</summary>
    Enter,

    /// <summary>A labelled step of the reference began (A7, B5, ...).</summary>
    Step,

    /// <summary>A load from a watched field.</summary>
    Load,

    /// <summary>A store to a watched field.</summary>
    Store,

    /// <summary>An object was freed.</summary>
    Free,

    /// <summary>A lock was taken.</summary>
    LockAcquire,

    /// <summary>A lock was released.</summary>
    LockRelease,

    /// <summary>The thread slept.</summary>
    Sleep,

    /// <summary>A fail point fired.</summary>
    FailPoint,

    /// <summary>The thread trapped and its host panicked.</summary>
    Panic,

    /// <summary>Any other span event.</summary>
    Other,
}
