namespace JailCluster.Client.Teardown;

using System.Diagnostics;

/// <summary>One jail of a mass teardown, as built and as torn down.</summary>
public sealed class TeardownJail(string host, string name)
{
    /// <summary>The host it lives on.</summary>
    public string Host { get; } = host;

    /// <summary>The jail's name.</summary>
    public string Name { get; } = name;

    /// <summary>The <c>a</c> half of each of its epairs, which stays on the host.</summary>
    public List<string> HostSides { get; } = [];

    /// <summary>The <c>b</c> half of each of its epairs, which is in the jail.</summary>
    public List<string> JailSides { get; } = [];

    /// <summary>True once the jail and all its epairs and processes exist.</summary>
    public bool Built { get; set; }

    /// <summary>True when a command that builds it failed.</summary>
    public bool BuildFailed { get; set; }

    /// <summary>True once its teardown commands were sent.</summary>
    public bool Fired { get; set; }

    /// <summary>True when a teardown command failed.</summary>
    public bool Failed { get; set; }

    /// <summary>The root span of the jail's teardown trace.</summary>
    public Activity? Span { get; set; }
}
