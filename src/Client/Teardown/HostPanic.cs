namespace JailCluster.Client.Teardown;

/// <summary>A host that panicked during a teardown, and the panic's id.</summary>
public sealed record HostPanic(string Host, string? PanicId);
