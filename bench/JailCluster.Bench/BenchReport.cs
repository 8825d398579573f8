namespace JailCluster.Bench;

/// <summary>Everything one benchmark run found, as written to bench/results.</summary>
public sealed record BenchReport
{
    /// <summary>UTC start of the run.</summary>
    public required DateTimeOffset Date { get; init; }

    /// <summary>Git commit of the code measured (with <c>-dirty</c> when the tree had changes).</summary>
    public required string Commit { get; init; }

    /// <summary>The machine.</summary>
    public required MachineInfo Machine { get; init; }

    /// <summary>The options of the run.</summary>
    public required BenchOptions Options { get; init; }

    /// <summary>Every figure.</summary>
    public List<Figure> Figures { get; } = [];

    /// <summary>Ratios against the targets.</summary>
    public List<Ratio> Ratios { get; } = [];

    /// <summary>Grain calls per teardown by method, by configuration (median run).</summary>
    public Dictionary<string, IReadOnlyDictionary<string, double>> CallsPerTeardown { get; } = [];

    /// <summary>Activations left by grain type after the memory teardown, by moment.</summary>
    public Dictionary<string, IReadOnlyDictionary<string, int>> Remaining { get; } = [];

    /// <summary>Notes written during the run (a section skipped, trace files not written, ...).</summary>
    public List<string> Notes { get; } = [];

    /// <summary>Wall-clock seconds of the whole run.</summary>
    public double Seconds { get; set; }
}
