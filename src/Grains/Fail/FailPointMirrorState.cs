namespace JailCluster.Kernel.Fail;

/// <summary>
/// One boot's fail point table as a thread needs it before it asks the kernel grain: the names of the armed
/// fail points, and whether the host has halted (panicked, rebooted, or lost memory with a silo) and why. Versions
/// only grow.
/// </summary>
[GenerateSerializer, Immutable, Alias("jc.FailPointMirrorState")]
public sealed record FailPointMirrorState(
    [property: Id(0)] long Version,
    [property: Id(1)] IReadOnlySet<string> Armed,
    [property: Id(2)] string? HaltedBecause)
{
    /// <summary>Whether every thread of the boot stops at its next step.</summary>
    public bool Halted => HaltedBecause is not null;

    /// <summary>Whether <paramref name="failPoint"/> may do anything but continue.</summary>
    public bool IsArmed(string failPoint) => Armed.Contains(failPoint);
}
