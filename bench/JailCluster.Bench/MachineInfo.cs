namespace JailCluster.Bench;

using System.Runtime.InteropServices;

/// <summary>The machine the benchmark ran on.</summary>
public sealed record MachineInfo
{
    /// <summary>Processors available (nproc).</summary>
    public required int Processors { get; init; }

    /// <summary>Total memory, MiB.</summary>
    public required long MemoryMiB { get; init; }

    /// <summary>Load average (1, 5, 15 min) at the start.</summary>
    public required string LoadAtStart { get; init; }

    /// <summary>Load average at the end.</summary>
    public string? LoadAtEnd { get; set; }

    /// <summary>Operating system and runtime.</summary>
    public required string Runtime { get; init; }

    /// <summary>Reads this machine.</summary>
    public static MachineInfo Read() => new()
    {
        Processors = Environment.ProcessorCount,
        MemoryMiB = MemTotalKiB() / 1024,
        LoadAtStart = Load(),
        Runtime = $"{RuntimeInformation.OSDescription}; {RuntimeInformation.FrameworkDescription}",
    };

    /// <summary>The load average, as /proc/loadavg gives it.</summary>
    public static string Load()
    {
        try
        {
            return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "unknown";
        }
    }

    private static long MemTotalKiB()
    {
        try
        {
            var line = File.ReadLines("/proc/meminfo").First(l => l.StartsWith("MemTotal:", StringComparison.Ordinal));
            return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1],
                System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return 0;
        }
    }
}
