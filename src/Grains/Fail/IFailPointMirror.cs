namespace JailCluster.Kernel.Fail;

/// <summary>
/// A silo's copy of what its kernel threads must know at every labelled step: which fail points of a boot are
/// armed, and whether the boot has halted. The kernel grain pushes each change to every silo that asked.
/// </summary>
[Alias("jc.IFailPointMirror")]
public interface IFailPointMirror : IGrainObserver
{
    /// <summary>Replaces the copy of one boot's state, unless a newer one is already held.</summary>
    [Alias("Update")]
    Task Update(string kernel, FailPointMirrorState state);
}
