namespace JailCluster.Kernel.Bench;

/// <summary>
/// Makes kernel memory steps through the kernel's own path (<c>KThread.Load</c> and <c>Store</c>), with nothing
/// of a teardown around them, as the ping drivers make plain grain calls: what a step costs by itself.
/// </summary>
[Alias("JailCluster.Kernel.Bench.IStepDriverGrain")]
public interface IStepDriverGrain : IGrainWithIntegerKey
{
    /// <summary>
    /// Makes <paramref name="threads"/> kernel threads on the running boot of <paramref name="host"/>, and has each
    /// allocate <paramref name="objectsPerThread"/> ifnets for them all to share.
    /// </summary>
    [Alias("Prepare")]
    Task Prepare(string host, int threads, int objectsPerThread);

    /// <summary>
    /// Has every thread load and store fields of the shared objects, one step after another, for
    /// <paramref name="duration"/>; returns the steps made.
    /// </summary>
    [Alias("Run")]
    Task<long> Run(TimeSpan duration);

    /// <summary>Frees the objects and forgets the threads.</summary>
    [Alias("Release")]
    Task Release();

    /// <summary>
    /// Allocates (or, with <paramref name="discard"/>, discards) the kernel objects at <paramref name="count"/>
    /// addresses from <paramref name="first"/> of a boot of <paramref name="host"/> that runs nothing: empty objects,
    /// placed as a spread host's are, each an activation and nothing more.
    /// </summary>
    [Alias("Touch")]
    Task Touch(string host, int first, int count, bool discard);
}
