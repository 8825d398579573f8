using System.Diagnostics;
using System.Text;

namespace JailCluster.Tracing.Export;

/// <summary>
/// The trace ids some process wants kept. A process appends the ids it marks to its own keep file and
/// reads every other process's keep file from where it last stopped, so that no two processes ever write
/// one file and a reader never needs a lock.
/// </summary>
internal sealed class TraceKeepRegistry : IDisposable
{
    private readonly Lock gate = new();
    private readonly string directory;
    private readonly Func<string> stem;
    private string? ownPath;
    private readonly HashSet<ActivityTraceId> marked = [];
    private readonly Dictionary<string, long> readOffsets = new(StringComparer.Ordinal);
    private FileStream? own;

    /// <param name="directory">The traces directory.</param>
    /// <param name="stem">This process's file stem; asked for only once spans flow, when the resource is known.</param>
    public TraceKeepRegistry(string directory, Func<string> stem)
    {
        this.directory = directory;
        this.stem = stem;
    }

    private string OwnPath =>
        ownPath ??= Path.GetFullPath(Path.Combine(directory, stem() + TraceFileNames.KeepExtension));

    /// <summary>Marks a trace to keep; its first mark is written to this process's keep file at once.</summary>
    public void Mark(ActivityTraceId traceId)
    {
        lock (gate)
        {
            if (!marked.Add(traceId))
            {
                return;
            }

            own ??= OpenOwn();
            own.Write(Encoding.ASCII.GetBytes(traceId.ToHexString() + "\n"));
            own.Flush();
        }
    }

    /// <summary>True when this or any other process has marked the trace (as of the last refresh).</summary>
    public bool IsMarked(ActivityTraceId traceId)
    {
        lock (gate)
        {
            return marked.Contains(traceId);
        }
    }

    /// <summary>Reads what other processes appended to their keep files since the last call.</summary>
    public void Refresh()
    {
        if (!Directory.Exists(directory))
        {
            return;
        }

        foreach (var path in Directory.EnumerateFiles(directory, "*" + TraceFileNames.KeepExtension))
        {
            if (string.Equals(Path.GetFullPath(path), OwnPath, StringComparison.Ordinal))
            {
                continue;
            }

            try
            {
                ReadFrom(path);
            }
            catch (IOException)
            {
                // A keep file that vanished or cannot be read now is read on the next refresh.
            }
        }
    }

    public void Dispose()
    {
        lock (gate)
        {
            own?.Dispose();
            own = null;
        }
    }

    private void ReadFrom(string path)
    {
        long offset;
        lock (gate)
        {
            offset = readOffsets.GetValueOrDefault(path);
        }

        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        if (stream.Length <= offset)
        {
            return;
        }

        stream.Position = offset;
        var bytes = new byte[stream.Length - offset];
        stream.ReadExactly(bytes);

        // Only whole lines count; a line still being written is read next time.
        var end = Array.LastIndexOf(bytes, (byte)'\n');
        if (end < 0)
        {
            return;
        }

        var ids = new List<ActivityTraceId>();
        foreach (var line in Encoding.ASCII.GetString(bytes, 0, end).Split('\n'))
        {
            var text = line.Trim();
            if (text.Length == 32 && text.All(char.IsAsciiHexDigit))
            {
                ids.Add(ActivityTraceId.CreateFromString(text.ToLowerInvariant()));
            }
        }

        lock (gate)
        {
            readOffsets[path] = offset + end + 1;
            marked.UnionWith(ids);
        }
    }

    private FileStream OpenOwn()
    {
        Directory.CreateDirectory(directory);
        return new FileStream(OwnPath, FileMode.Append, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete);
    }
}
