namespace JailCluster.Bench.AllocShare;

using Microsoft.Diagnostics.Tracing.Etlx;
using Microsoft.Diagnostics.Tracing.Parsers.Clr;

/// <summary>
/// The allocation ticks of a trace, summed. The runtime raises a tick each time about 100 KB more has been
/// allocated, naming the type of the object that crossed the line and carrying its stack, so a type's or a frame's
/// share of the ticks' bytes estimates its share of everything allocated.
/// </summary>
internal sealed class AllocationProfile
{
    /// <summary>The namespace prefix of the frames that count as our own allocating site.</summary>
    public const string OwnCode = "JailCluster.";

    /// <summary>How many of a stack's innermost frames <see cref="Stacks"/> tells apart.</summary>
    public const int StackDepth = 14;

    private readonly Dictionary<string, long> _byType = [];
    private readonly Dictionary<string, long> _bySite = [];
    private readonly Dictionary<string, long> _byTypeAndSite = [];
    private readonly Dictionary<string, long> _byPattern = [];
    private readonly Dictionary<string, long> _stacks = [];

    /// <summary>Ticks read.</summary>
    public int Ticks { get; private set; }

    /// <summary>Bytes the ticks stand for.</summary>
    public long Bytes { get; private set; }

    /// <summary>Bytes by the type named in the tick.</summary>
    public IReadOnlyDictionary<string, long> ByType => _byType;

    /// <summary>Bytes by the innermost frame of our own code on the tick's stack, else its outermost frame.</summary>
    public IReadOnlyDictionary<string, long> BySite => _bySite;

    /// <summary>Bytes by type and allocating site together, as <c>TYPE at SITE</c>.</summary>
    public IReadOnlyDictionary<string, long> ByTypeAndSite => _byTypeAndSite;

    /// <summary>Bytes by pattern: ticks whose stack has a frame containing each part of it.</summary>
    public IReadOnlyDictionary<string, long> ByPattern => _byPattern;

    /// <summary>
    /// Bytes by the innermost frames of the stacks of the types whose names contain the <c>stacksOf</c> that
    /// <see cref="Read"/> was given.
    /// </summary>
    public IReadOnlyDictionary<string, long> Stacks => _stacks;

    /// <summary>
    /// Reads the ticks of <paramref name="nettrace"/>, converting it to an .etlx beside it once, and keeps the stacks
    /// of the types whose names contain <paramref name="stacksOf"/>.
    /// </summary>
    public static AllocationProfile Read(string nettrace, IReadOnlyList<string> patterns, string? stacksOf = null)
    {
        var etlx = Path.ChangeExtension(nettrace, ".etlx");
        if (!File.Exists(etlx) || File.GetLastWriteTimeUtc(etlx) < File.GetLastWriteTimeUtc(nettrace))
        {
            try
            {
                TraceLog.CreateFromEventPipeDataFile(nettrace, etlx);
            }
            catch
            {
                // Leave no half-written conversion to be taken for a good one next time.
                File.Delete(etlx);
                throw;
            }
        }

        var profile = new AllocationProfile();
        using var log = new TraceLog(etlx);
        using var source = log.Events.GetSource();
        source.Clr.GCAllocationTick += tick => profile.Add(tick, patterns, stacksOf);
        source.Process();
        return profile;
    }

    private void Add(GCAllocationTickTraceData tick, IReadOnlyList<string> patterns, string? stacksOf)
    {
        var bytes = tick.AllocationAmount64;
        Ticks++;
        Bytes += bytes;
        var type = tick.TypeName ?? "?";
        Count(_byType, type, bytes);

        var frames = new List<string>();
        for (var frame = tick.CallStack(); frame is not null; frame = frame.Caller)
        {
            frames.Add(frame.CodeAddress.FullMethodName ?? "?");
        }

        var site = frames.FirstOrDefault(f => f.StartsWith(OwnCode, StringComparison.Ordinal))
            ?? frames.LastOrDefault(f => f.Length > 1) ?? "(no stack)";
        Count(_bySite, site, bytes);
        Count(_byTypeAndSite, $"{type} at {site}", bytes);
        if (stacksOf is not null && type.Contains(stacksOf, StringComparison.Ordinal))
        {
            Count(_stacks, type + string.Concat(frames.Take(StackDepth).Select(f => "\n           " + f)), bytes);
        }

        foreach (var pattern in patterns)
        {
            if (pattern.Split('&').All(part => frames.Exists(f => f.Contains(part, StringComparison.Ordinal))))
            {
                Count(_byPattern, pattern, bytes);
            }
            else
            {
                _byPattern.TryAdd(pattern, 0);
            }
        }
    }

    private static void Count(Dictionary<string, long> table, string key, long bytes) =>
        table[key] = table.GetValueOrDefault(key) + bytes;
}
