namespace JailCluster.Bench.AllocShare;

using System.Globalization;

/// <summary>
/// The command line: the trace, how many rows of each table, the frame patterns to share out, and the types whose
/// stacks to print.
/// </summary>
internal sealed record AllocShareOptions(string Trace, int Top, IReadOnlyList<string> Patterns, string? StacksOf)
{
    /// <summary>The usage line.</summary>
    public const string Usage = "usage: alloc-share TRACE.nettrace [--top N] [--stacks TYPE] [PATTERN...]";

    /// <summary>Parses <c>TRACE [--top N] [--stacks TYPE] [PATTERN...]</c>; null when it is not that.</summary>
    public static AllocShareOptions? Parse(IReadOnlyList<string> args)
    {
        string? trace = null;
        var top = 25;
        string? stacksOf = null;
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
            else if (args[i] == "--stacks")
            {
                if (i + 1 >= args.Count)
                {
                    return null;
                }

                stacksOf = args[++i];
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

        return trace is null ? null : new AllocShareOptions(trace, top, patterns, stacksOf);
    }
}
