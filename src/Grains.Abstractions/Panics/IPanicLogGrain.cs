namespace JailCluster.Panics;

/// <summary>The cluster's record of every panic, keyed by <see cref="ClusterKey"/>.</summary>
[Alias("jc.IPanicLogGrain")]
public interface IPanicLogGrain : IGrainWithStringKey
{
    /// <summary>The key of the one panic log of a cluster.</summary>
    public const string ClusterKey = "cluster";

    /// <summary>Records a panic.</summary>
    [Alias("Record")]
    Task Record(PanicReport report);

    /// <summary>Every recorded panic, oldest first.</summary>
    [Alias("List")]
    Task<IReadOnlyList<PanicReport>> List();

    /// <summary>
    /// A barrier: the first panic of <paramref name="host"/> once recorded, or null after <paramref name="max"/>.
    /// </summary>
    [Alias("WaitForHost"), ResponseTimeout("00:30:00")]
    Task<PanicReport?> WaitForHost(string host, TimeSpan max);

    /// <summary>One panic by id, or null.</summary>
    [Alias("Get")]
    Task<PanicReport?> Get(string id);
}
