using System.Buffers;
using System.Diagnostics;
using System.Text.Encodings.Web;
using System.Text.Json;
using OpenTelemetry;
using OpenTelemetry.Resources;

namespace JailCluster.Tracing.Export;

/// <summary>
/// Exports spans to this process's OTLP-JSON lines file in the traces directory: one <c>TracesData</c>
/// object per line, one line per batch, in the Collector file exporter's encoding so that Jaeger and the
/// Aspire dashboard load the files unchanged. Spans pass <see cref="TraceRetention"/> first; at shutdown
/// the spans of traces still undecided go to the process's held file, which the trace store reads for
/// traces that some process kept.
/// </summary>
public sealed class TraceFileExporter : BaseExporter<Activity>
{
    // The files are read as JSON, never embedded in HTML, so only what JSON requires is escaped: a KDB
    // backtrace keeps its '+' and a jail name its non-ASCII letters.
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = false,
        SkipValidation = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private readonly Lock gate = new();
    private readonly TraceFileOptions options;
    private readonly TraceKeepRegistry keep;
    private readonly TraceRetention retention;
    private readonly ITimer? sweeper;
    private readonly string directory;
    private string? stem;
    private FileStream? spans;
    private bool stopped;

    /// <summary>Creates an exporter; <see cref="Hosting.JailClusterTracingExtensions"/> is the usual way.</summary>
    public TraceFileExporter(TraceFileOptions options)
        : this(options, TimeProvider.System, stem: null, startSweeper: true)
    {
    }

    internal TraceFileExporter(TraceFileOptions options, TimeProvider time, string? stem, bool startSweeper)
    {
        TraceFileOptionsValidator.ThrowIfInvalid(options);
        this.options = options;
        this.stem = stem;
        directory = options.ResolveDirectory();
        keep = new TraceKeepRegistry(directory, Stem);
        retention = new TraceRetention(options, keep, Open, time);
        if (startSweeper && options.Sampling == TraceSampling.PanicsAndShare)
        {
            sweeper = time.CreateTimer(_ => Sweep(), null, options.ExportInterval, options.ExportInterval);
        }
    }

    /// <summary>The file this process writes kept spans to, once known.</summary>
    public string? FilePath => stem is null ? null : Path.Combine(directory, stem + TraceFileNames.SpansExtension);

    /// <summary>The traces directory, absolute.</summary>
    public string DirectoryPath => directory;

    internal TraceKeepRegistry Keep => keep;

    internal OpenSpanTracker Open { get; } = new();

    internal TraceRetention Retention => retention;

    /// <inheritdoc />
    public override ExportResult Export(in Batch<Activity> batch)
    {
        if (options.Sampling == TraceSampling.Off)
        {
            return ExportResult.Success;
        }

        var received = new List<Activity>((int)Math.Min(batch.Count, 4096));
        foreach (var span in batch)
        {
            received.Add(span);
        }

        try
        {
            lock (gate)
            {
                if (stopped)
                {
                    return ExportResult.Failure;
                }

                var write = retention.Accept(received);
                write.AddRange(retention.Sweep());
                WriteLine(write, held: false);
            }

            return ExportResult.Success;
        }
        catch (IOException)
        {
            return ExportResult.Failure;
        }
        catch (UnauthorizedAccessException)
        {
            return ExportResult.Failure;
        }
    }

    /// <summary>Reviews held traces now: writes those marked by any process, drops those past their grace.</summary>
    internal void Sweep()
    {
        try
        {
            lock (gate)
            {
                if (!stopped)
                {
                    WriteLine(retention.Sweep(), held: false);
                }
            }
        }
        catch (IOException)
        {
            // The next sweep tries again; the spans stay held until then.
        }
    }

    /// <inheritdoc />
    protected override bool OnForceFlush(int timeoutMilliseconds)
    {
        lock (gate)
        {
            spans?.Flush(flushToDisk: false);
        }

        return true;
    }

    /// <inheritdoc />
    protected override bool OnShutdown(int timeoutMilliseconds)
    {
        sweeper?.Dispose();
        lock (gate)
        {
            if (stopped)
            {
                return true;
            }

            stopped = true;
            try
            {
                var (kept, undecided) = retention.Drain();
                WriteLine(kept, held: false);
                WriteLine(undecided, held: true);
                spans?.Flush(flushToDisk: true);
                return true;
            }
            catch (IOException)
            {
                return false;
            }
            finally
            {
                spans?.Dispose();
                spans = null;
                keep.Dispose();
            }
        }
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            sweeper?.Dispose();
            lock (gate)
            {
                spans?.Dispose();
                spans = null;
                keep.Dispose();
            }
        }

        base.Dispose(disposing);
    }

    private void WriteLine(List<Activity> batch, bool held)
    {
        if (batch.Count == 0)
        {
            return;
        }

        var resource = ParentProvider?.GetResource() ?? Resource.Empty;
        var fileStem = Stem();
        var buffer = new ArrayBufferWriter<byte>(16 * 1024);
        using (var json = new Utf8JsonWriter(buffer, WriterOptions))
        {
            OtlpJsonWriter.WriteTracesData(json, resource.Attributes, batch);
        }

        buffer.Write("\n"u8);
        if (held)
        {
            using var file = OpenAppend(Path.Combine(directory, fileStem + TraceFileNames.HeldSuffix));
            file.Write(buffer.WrittenSpan);
            file.Flush(flushToDisk: true);
            return;
        }

        spans ??= OpenAppend(Path.Combine(directory, fileStem + TraceFileNames.SpansExtension));

        // One write per line, so that a reader sees whole lines or a partial last line, never interleaving.
        spans.Write(buffer.WrittenSpan);
        spans.Flush();
    }

    private FileStream OpenAppend(string path)
    {
        Directory.CreateDirectory(directory);
        return new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete);
    }

    private string Stem() => stem ??= StemFrom(ParentProvider?.GetResource() ?? Resource.Empty);

    private static string StemFrom(Resource resource)
    {
        var service = resource.Attributes.FirstOrDefault(a => a.Key == TracingNames.ServiceName).Value as string;
        return TraceFileNames.Stem(service ?? AppDomain.CurrentDomain.FriendlyName, Environment.ProcessId);
    }
}
