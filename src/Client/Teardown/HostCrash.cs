namespace JailCluster.Client.Teardown;

/// <summary>A host that crashed during a teardown (its kernel memory was on a silo that died), and why.</summary>
public sealed record HostCrash(string Host, string Reason);
