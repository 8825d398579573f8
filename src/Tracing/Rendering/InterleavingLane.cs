namespace JailCluster.Tracing.Rendering;

/// <summary>One simulated thread of a trace: a lane of the timeline.</summary>
/// <param name="Index">Position from the left, by first appearance.</param>
/// <param name="Host">Simulated host (empty when the spans do not say).</param>
/// <param name="ThreadName">Thread name as FreeBSD prints it (<c>thread taskq</c>, <c>ifconfig</c>).</param>
/// <param name="ThreadId">Thread id.</param>
public sealed record InterleavingLane(int Index, string Host, string ThreadName, string ThreadId)
{
    /// <summary>Title of the lane, for example <c>alpha: thread taskq 100012</c>.</summary>
    public string Title =>
        (Host.Length == 0 ? $"{ThreadName} {ThreadId}" : $"{Host}: {ThreadName} {ThreadId}").TrimEnd();
}
