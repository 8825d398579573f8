namespace JailCluster.Bench;

/// <summary>One measured figure: every run's value and their median.</summary>
public sealed record Figure
{
    /// <summary>Section of the benchmark (ceiling, teardown, tracing, memory, race).</summary>
    public required string Section { get; init; }

    /// <summary>What was measured, with its conditions.</summary>
    public required string Name { get; init; }

    /// <summary>Unit of the values.</summary>
    public required string Unit { get; init; }

    /// <summary>Each run's value.</summary>
    public required IReadOnlyList<double> Runs { get; init; }

    /// <summary>Median of <see cref="Runs"/>.</summary>
    public double Median => MedianOf(Runs);

    /// <summary>A remark on the figure (what limited it, what it includes).</summary>
    public string? Note { get; init; }

    /// <summary>The median of <paramref name="values"/>; NaN when empty.</summary>
    public static double MedianOf(IReadOnlyList<double> values)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }

        var sorted = values.Order().ToArray();
        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
