namespace JailCluster.Bench;

/// <summary>One jail the benchmark built, with its one epair.</summary>
public sealed class BenchJail(string host, string name)
{
    /// <summary>Its host.</summary>
    public string Host { get; } = host;

    /// <summary>Its name.</summary>
    public string Name { get; } = name;

    /// <summary>The host side of its epair (epairNa), once created.</summary>
    public string? HostSide { get; set; }

    /// <summary>True once every build command succeeded.</summary>
    public bool Built { get; set; }

    /// <summary>The root span of its teardown, when tracing.</summary>
    public System.Diagnostics.Activity? Span { get; set; }
}
