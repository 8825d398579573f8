using System.Net.Http.Headers;
using System.Text.Json;
using JailCluster.Tracing.Export;
using JailCluster.Tracing.Reading;

namespace JailCluster.Tracing.Dashboard;

/// <summary>
/// Sends recorded traces to an OTLP/HTTP endpoint (the Aspire dashboard's, or any collector's) as
/// <c>application/json</c> POSTs to <c>/v1/traces</c>. Each line of a trace file is already an OTLP
/// <c>TracesData</c> object, which the OTLP/HTTP JSON encoding accepts as an <c>ExportTraceServiceRequest</c>.
/// </summary>
public static class TraceReplayer
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");

    /// <summary>
    /// Posts every line of one trace file unchanged, one request per line. A line that does not parse (a
    /// partial last line of a file still being written) is skipped.
    /// </summary>
    /// <param name="path">A <c>.jsonl</c> trace file.</param>
    /// <param name="otlpHttpEndpoint">
    /// The endpoint's base (<c>http://127.0.0.1:18890/</c>) or its <c>/v1/traces</c> address.
    /// </param>
    /// <param name="http">The client to post with; a new one when null.</param>
    /// <param name="cancellationToken">Cancels the replay.</param>
    /// <exception cref="HttpRequestException">The endpoint refused a request; the message holds its answer.</exception>
    public static async Task<TraceReplayResult> ReplayFileAsync(
        string path,
        Uri otlpHttpEndpoint,
        HttpClient? http = null,
        CancellationToken cancellationToken = default)
    {
        using var poster = new Poster(otlpHttpEndpoint, http);
        var spans = 0;
        var skipped = 0;
        var traces = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in await File.ReadAllLinesAsync(path, cancellationToken))
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            IReadOnlyList<TraceSpan> parsed;
            try
            {
                parsed = OtlpJsonReader.ReadTracesData(line);
            }
            catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException
                or OverflowException)
            {
                skipped++;
                continue;
            }

            await poster.PostAsync(System.Text.Encoding.UTF8.GetBytes(line), cancellationToken);
            spans += parsed.Count;
            traces.UnionWith(parsed.Select(s => s.TraceId));
        }

        return new TraceReplayResult(poster.Requests, traces.Count, spans, skipped);
    }

    /// <summary>
    /// Posts every trace the store holds (the kept spans, and the held spans of kept traces, from every
    /// process), one request per trace.
    /// </summary>
    /// <exception cref="HttpRequestException">The endpoint refused a request; the message holds its answer.</exception>
    public static async Task<TraceReplayResult> ReplayAsync(
        TraceStore store,
        Uri otlpHttpEndpoint,
        HttpClient? http = null,
        CancellationToken cancellationToken = default)
    {
        var traces = store.ReadAll();
        var skipped = store.SkippedLines;
        var result = await ReplayAsync(traces, otlpHttpEndpoint, http, cancellationToken);
        return result with { SkippedLines = skipped };
    }

    /// <summary>
    /// Posts the traces of a traces directory; see
    /// <see cref="ReplayAsync(TraceStore, Uri, HttpClient?, CancellationToken)"/>.
    /// </summary>
    public static Task<TraceReplayResult> ReplayDirectoryAsync(
        string directory,
        Uri otlpHttpEndpoint,
        HttpClient? http = null,
        CancellationToken cancellationToken = default) =>
        ReplayAsync(new TraceStore(directory), otlpHttpEndpoint, http, cancellationToken);

    /// <summary>Posts the given traces, one request per trace.</summary>
    /// <exception cref="HttpRequestException">The endpoint refused a request; the message holds its answer.</exception>
    public static async Task<TraceReplayResult> ReplayAsync(
        IEnumerable<Trace> traces,
        Uri otlpHttpEndpoint,
        HttpClient? http = null,
        CancellationToken cancellationToken = default)
    {
        using var poster = new Poster(otlpHttpEndpoint, http);
        var spans = 0;
        foreach (var trace in traces)
        {
            if (trace.Spans.Count == 0)
            {
                continue;
            }

            await poster.PostAsync(OtlpTraceSpanWriter.ToUtf8Json(trace.Spans), cancellationToken);
            spans += trace.Spans.Count;
        }

        return new TraceReplayResult(poster.Requests, poster.Requests, spans, 0);
    }

    /// <summary>The <c>/v1/traces</c> address under an OTLP/HTTP base address (kept when already given).</summary>
    public static Uri TracesUri(Uri otlpHttpEndpoint)
    {
        var text = otlpHttpEndpoint.AbsoluteUri;
        if (text.EndsWith("/v1/traces", StringComparison.Ordinal))
        {
            return otlpHttpEndpoint;
        }

        return new Uri(text.TrimEnd('/') + "/v1/traces");
    }

    // Posts to one endpoint's traces address with the caller's client, or with one of its own that goes with it,
    // and counts the requests.
    private sealed class Poster(Uri otlpHttpEndpoint, HttpClient? http) : IDisposable
    {
        private readonly Uri target = TracesUri(otlpHttpEndpoint);
        private readonly HttpClient? owned = http is null ? new HttpClient() : null;

        public int Requests { get; private set; }

        public async Task PostAsync(byte[] body, CancellationToken cancellationToken)
        {
            using var content = new ByteArrayContent(body);
            content.Headers.ContentType = Json;
            using var response = await (http ?? owned!).PostAsync(target, content, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                var answer = await response.Content.ReadAsStringAsync(cancellationToken);
                throw new HttpRequestException(
                    $"POST {target} answered {(int)response.StatusCode} {response.ReasonPhrase}: {answer}",
                    inner: null,
                    response.StatusCode);
            }

            Requests++;
        }

        public void Dispose() => owned?.Dispose();
    }
}
