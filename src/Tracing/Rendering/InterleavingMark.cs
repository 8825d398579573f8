namespace JailCluster.Tracing.Rendering;

/// <summary>How a row is singled out.</summary>
public enum InterleavingMark
{
    /// <summary>Not marked.</summary>
    None,

    /// <summary>A store of NULL.</summary>
    NullStore,

    /// <summary>A free.</summary>
    Free,

    /// <summary>
    /// The load that read NULL or freed memory, or the dereference that faulted; without a panic, the first
    /// load or store that touched freed memory.
    /// </summary>
    FaultingLoad,

    /// <summary>The panic itself.</summary>
    Panic,
}
