using System.Text.Json;
using JailCluster.Tracing.Export;

namespace JailCluster.Tracing.Reading;

/// <summary>
/// Reads the traces directory that every JailCluster process writes to: the span files (<c>*.jsonl</c>),
/// plus, for traces some process kept, the spans other processes still held when they stopped
/// (<c>*.held.jsonl</c>) and the trace ids in the keep files (<c>*.keep</c>). Each call reads the
/// directory afresh; lines that do not parse (a line still being written) are skipped and counted.
/// </summary>
public sealed class TraceStore
{
    /// <summary>A store over <paramref name="directory"/>.</summary>
    public TraceStore(string directory)
    {
        DirectoryPath = Path.GetFullPath(directory);
    }

    /// <summary>The traces directory, absolute.</summary>
    public string DirectoryPath { get; }

    /// <summary>Lines skipped by the last read because they did not parse.</summary>
    public int SkippedLines { get; private set; }

    /// <summary>A store over the directory that <see cref="TraceFileOptions.FromEnvironment"/> names.</summary>
    public static TraceStore FromEnvironment() => new(TraceFileOptions.FromEnvironment().ResolveDirectory());

    /// <summary>Summaries of every recorded trace, newest first.</summary>
    public IReadOnlyList<TraceSummary> List() =>
        [.. ReadTraces(filter: null).Select(t => t.Summarize()).OrderByDescending(s => s.Start)];

    /// <summary>Every recorded trace, oldest first.</summary>
    public IReadOnlyList<Trace> ReadAll() => [.. ReadTraces(filter: null).OrderBy(t => t.StartUnixNano)];

    /// <summary>The trace with this id (32 hex digits, any case), or null.</summary>
    public Trace? FindByTraceId(string traceId)
    {
        var id = traceId.Trim().ToLowerInvariant();
        return ReadTraces(filter: id).FirstOrDefault(t => t.TraceId == id);
    }

    /// <summary>The trace whose faulting span carries this panic id, or null.</summary>
    public Trace? FindByPanicId(string panicId)
    {
        var id = panicId.Trim();
        var owner = ReadTraces(filter: id).FirstOrDefault(t => t.Spans.Any(s => s.PanicId == id));
        return owner is null ? null : FindByTraceId(owner.TraceId);
    }

    /// <summary>The trace <paramref name="id"/> names: a recorded trace id, else a panic id.</summary>
    public Trace? Find(string id)
    {
        var text = id.Trim();
        var trace = text.Length == 32 && text.All(char.IsAsciiHexDigit) ? FindByTraceId(text) : null;
        return trace ?? FindByPanicId(text);
    }

    private List<Trace> ReadTraces(string? filter)
    {
        SkippedLines = 0;
        if (!Directory.Exists(DirectoryPath))
        {
            return [];
        }

        var kept = new List<TraceSpan>();
        var held = new List<TraceSpan>();
        foreach (var path in Directory.EnumerateFiles(DirectoryPath, "*" + TraceFileNames.SpansExtension))
        {
            (TraceFileNames.IsHeld(path) ? held : kept).AddRange(ReadFile(path, filter));
        }

        var keptIds = kept.Select(s => s.TraceId).ToHashSet(StringComparer.Ordinal);
        keptIds.UnionWith(ReadKeepFiles());
        return [.. kept.Concat(held.Where(s => keptIds.Contains(s.TraceId)))
            .GroupBy(s => s.TraceId, StringComparer.Ordinal)
            .Select(g => new Trace(g.Key, g))];
    }

    private List<TraceSpan> ReadFile(string path, string? filter)
    {
        var spans = new List<TraceSpan>();
        string text;
        try
        {
            text = ReadShared(path);
        }
        catch (IOException)
        {
            return spans;
        }

        foreach (var line in text.Split('\n'))
        {
            var wanted = filter is null || line.Contains(filter, StringComparison.Ordinal);
            if (!wanted || string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            try
            {
                spans.AddRange(OtlpJsonReader.ReadTracesData(line));
            }
            catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException
                or OverflowException)
            {
                SkippedLines++;
            }
        }

        return spans;
    }

    /// <summary>Reads a file that its process may still be appending to.</summary>
    private static string ReadShared(string path)
    {
        using var stream = new FileStream(
            path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private IEnumerable<string> ReadKeepFiles()
    {
        foreach (var path in Directory.EnumerateFiles(DirectoryPath, "*" + TraceFileNames.KeepExtension))
        {
            string text;
            try
            {
                text = ReadShared(path);
            }
            catch (IOException)
            {
                continue;
            }

            foreach (var line in text.Split('\n'))
            {
                var id = line.Trim().ToLowerInvariant();
                if (id.Length == 32)
                {
                    yield return id;
                }
            }
        }
    }
}
