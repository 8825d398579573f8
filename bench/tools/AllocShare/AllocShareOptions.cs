namespace JailCluster.Bench.AllocShare;

using System.Globalization;

/// <summary>The command line: the trace, how many rows of each table, and the frame patterns to share out.</summary>
internal sealed record AllocShareOptions(string Trace, int Top, IReadOnlyList<string> Patterns)
{
    /// <summary>Parses <c>TRACE [--top N] [PATTERN...]</c>; null when it is not that.</summary>
    public static AllocShareOptions? Parse(IReadOnlyList<string> args)
    {
        string? trace = null;
        var top = 25;
        var patterns = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] == "--top")
            {
                if (i + 1 >= args.Count
                    || !int.TryParse(args[++i], NumberStyles.None, CultureInfo.InvariantCulture, out top) || top < 1)
                {
                    return null;
                }
            }
            else if (trace is null)
            {
                trace = args[i];
            }
            else
            {
                patterns.Add(args[i]);
            }
        }

        return trace is null ? null : new AllocShareOptions(trace, top, patterns);
    }
}
