namespace JailCluster.Client.Teardown;

using JailCluster.Client.Cli;

/// <summary>The command-line names of <see cref="TeardownPattern"/>.</summary>
public static class TeardownPatterns
{
    /// <summary>Every pattern by its name.</summary>
    public static IReadOnlyDictionary<string, TeardownPattern> ByName { get; } = new Dictionary<string, TeardownPattern>
    {
        ["vnet-subr-2019"] = TeardownPattern.VnetSubr2019,
        ["vnet-subr-modern"] = TeardownPattern.VnetSubrModern,
        ["simultaneous"] = TeardownPattern.Simultaneous,
    };

    /// <summary>The pattern named <paramref name="name"/>, or a usage error listing the names.</summary>
    public static TeardownPattern Parse(string? name) =>
        name is null ? TeardownPattern.VnetSubr2019
        : ByName.TryGetValue(name, out var pattern) ? pattern
        : throw new UsageException($"unknown pattern '{name}' (use {string.Join(", ", ByName.Keys)})");

    /// <summary>The name of <paramref name="pattern"/>.</summary>
    public static string Name(TeardownPattern pattern) => ByName.First(p => p.Value == pattern).Key;
}
