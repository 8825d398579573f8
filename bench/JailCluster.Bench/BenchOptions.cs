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

    /// <summary>
    /// Hosts per teardown throughput run. Default: 64, quick 32. Each host's teardown runs on its own taskqueue
    /// thread, one vnet after another with the modelled waits between them (25 ms of <c>vnet_sysuninit</c> each):
    /// with few hosts a teardown measures those waits, not the cost of simulating it.
    /// </summary>
    public int Hosts { get; init; } = 64;

    /// <summary>Jails per host per teardown throughput run. Default: 4.</summary>
    public int JailsPerHost { get; init; } = 4;

    /// <summary>Hosts per race run. Default: 16, quick 8.</summary>
    public int RaceHosts { get; init; } = 16;

    /// <summary>Jails per host per race run. Default: 4.</summary>
    public int RaceJailsPerHost { get; init; } = 4;

    /// <summary>Jail counts of the memory measurement. Default: 1,000 and 10,000; quick 500.</summary>
    public IReadOnlyList<int> MemoryJails { get; init; } = [1000, 10000];

    /// <summary>
    /// Commands in flight at once in a throughput run. Default: 256, the pings in flight of the ceiling.
    /// </summary>
    public int Concurrency { get; init; } = 256;

    /// <summary>Where results go. Default: bench/results under the repository.</summary>
    public string ResultsDirectory { get; init; } = "bench/results";

    /// <summary>
    /// Where the memory measurement writes a heap dump report of every silo at each of its steps; null (the default)
    /// takes none. The dumps take seconds each and collect the heap, so the figures after the first step see that.
    /// </summary>
    public string? HeapDumpDirectory { get; init; }

    /// <summary>
    /// Parses <c>[--quick] [--runs N] [--out DIR] [--skip NAME,...] [--gcdump DIR]</c> and the shape.
    /// </summary>
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
                Hosts = 32,
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
                case "--hosts" when i + 1 < args.Count:
                    options = options with { Hosts = Positive(args[++i], "--hosts") };
                    break;
                case "--jails" when i + 1 < args.Count:
                    options = options with { JailsPerHost = Positive(args[++i], "--jails") };
                    break;
                case "--concurrency" when i + 1 < args.Count:
                    options = options with { Concurrency = Positive(args[++i], "--concurrency") };
                    break;
                case "--gcdump" when i + 1 < args.Count:
                    options = options with { HeapDumpDirectory = args[++i] };
                    break;
                default:
                    throw new ArgumentException(
                        $"unknown argument '{args[i]}' (use [--quick] [--runs N] [--out DIR] " +
                        "[--skip ceiling,teardown,tracing,memory,race] [--hosts N] [--jails N] [--concurrency N] " +
                        "[--gcdump DIR])");
            }
        }

        return options;
    }

    private static int Positive(string value, string name)
    {
        var n = int.Parse(value, CultureInfo.InvariantCulture);
        return n > 0 ? n : throw new ArgumentException($"{name} must be at least 1, not {n}");
    }

    /// <summary>Sections not to run (ceiling, teardown, tracing, memory, race).</summary>
    public IReadOnlyList<string> Skip { get; init; } = [];

    /// <summary>True when <paramref name="section"/> runs.</summary>
    public bool Includes(string section) => !Skip.Contains(section);
}
