namespace JailCluster.Bench;

using System.Globalization;

/// <summary>What one benchmark run measures and how big it makes each measurement.</summary>
public sealed record BenchOptions
{
    /// <summary>The short run: fewer and smaller repetitions, no 10,000-jail step.</summary>
    public bool Quick { get; init; }

    /// <summary>Repetitions of each throughput figure. Default: 3, quick 2.</summary>
    public int Runs { get; init; } = 3;

    /// <summary>Seconds of ping load per ceiling run. Default: 3, quick 1.</summary>
    public double PingSeconds { get; init; } = 3;

    /// <summary>Hosts per teardown throughput run. Default: 8.</summary>
    public int Hosts { get; init; } = 8;

    /// <summary>Jails per host per teardown throughput run. Default: 16, quick 8.</summary>
    public int JailsPerHost { get; init; } = 16;

    /// <summary>Hosts per race run. Default: 16, quick 8.</summary>
    public int RaceHosts { get; init; } = 16;

    /// <summary>Jails per host per race run. Default: 4.</summary>
    public int RaceJailsPerHost { get; init; } = 4;

    /// <summary>Jail counts of the memory measurement. Default: 1,000 and 10,000; quick 500.</summary>
    public IReadOnlyList<int> MemoryJails { get; init; } = [1000, 10000];

    /// <summary>Commands in flight at once, as jailctl teardown. Default: 64.</summary>
    public int Concurrency { get; init; } = 64;

    /// <summary>Where results go. Default: bench/results under the repository.</summary>
    public string ResultsDirectory { get; init; } = "bench/results";

    /// <summary>Parses <c>[--quick] [--runs N] [--out DIR] [--skip NAME,...]</c>.</summary>
    public static BenchOptions Parse(IReadOnlyList<string> args)
    {
        var options = new BenchOptions();
        if (args.Contains("--quick"))
        {
            options = options with
            {
                Quick = true,
                Runs = 2,
                PingSeconds = 1,
                JailsPerHost = 8,
                RaceHosts = 8,
                MemoryJails = [500],
            };
        }

        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--quick":
                    break;
                case "--runs" when i + 1 < args.Count:
                    options = options with { Runs = int.Parse(args[++i], CultureInfo.InvariantCulture) };
                    break;
                case "--out" when i + 1 < args.Count:
                    options = options with { ResultsDirectory = args[++i] };
                    break;
                case "--skip" when i + 1 < args.Count:
                    options = options with { Skip = [.. args[++i].Split(',')] };
                    break;
                default:
                    throw new ArgumentException(
                        $"unknown argument '{args[i]}' (use [--quick] [--runs N] [--out DIR] " +
                        "[--skip ceiling,teardown,tracing,memory,race])");
            }
        }

        return options;
    }

    /// <summary>Sections not to run (ceiling, teardown, tracing, memory, race).</summary>
    public IReadOnlyList<string> Skip { get; init; } = [];

    /// <summary>True when <paramref name="section"/> runs.</summary>
    public bool Includes(string section) => !Skip.Contains(section);
}
