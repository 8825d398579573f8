namespace JailCluster.Bench;

/// <summary>A ratio of two medians, with the target it is held against.</summary>
public sealed record Ratio(string Name, double Value, string Target, bool? Met);
