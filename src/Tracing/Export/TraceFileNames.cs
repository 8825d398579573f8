using System.Globalization;
using System.Text;

namespace JailCluster.Tracing.Export;

/// <summary>
/// The files of a traces directory. Each process owns the files named after its service and pid, so
/// several processes never write the same file: <c>S-P.jsonl</c> (kept spans), <c>S-P.held.jsonl</c>
/// (spans of traces still undecided when the process stopped) and <c>S-P.keep</c> (trace ids the
/// process asks everyone to keep).
/// </summary>
public static class TraceFileNames
{
    /// <summary>Extension of the span files.</summary>
    public const string SpansExtension = ".jsonl";

    /// <summary>Suffix of the held-span files (they end in <see cref="SpansExtension"/> too).</summary>
    public const string HeldSuffix = ".held.jsonl";

    /// <summary>Extension of the keep files.</summary>
    public const string KeepExtension = ".keep";

    /// <summary>The common stem of one process's files: service name (made file-safe) and process id.</summary>
    public static string Stem(string serviceName, int processId)
    {
        var safe = new StringBuilder(serviceName.Length);
        foreach (var c in serviceName)
        {
            safe.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_');
        }

        if (safe.Length == 0)
        {
            safe.Append("process");
        }

        return string.Create(CultureInfo.InvariantCulture, $"{safe}-{processId}");
    }

    /// <summary>True for a held-span file.</summary>
    public static bool IsHeld(string path) => path.EndsWith(HeldSuffix, StringComparison.Ordinal);
}
