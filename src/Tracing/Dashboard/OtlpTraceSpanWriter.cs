using System.Text.Json;
using JailCluster.Tracing.Export;
using JailCluster.Tracing.Reading;

namespace JailCluster.Tracing.Dashboard;

/// <summary>
/// Writes spans read from trace files back as one OTLP <c>TracesData</c> object, in the same encoding the
/// trace files use, grouped by the resource of the process that recorded them and by scope.
/// </summary>
internal static class OtlpTraceSpanWriter
{
    public static byte[] ToUtf8Json(IEnumerable<TraceSpan> spans)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            WriteTracesData(writer, spans);
        }

        return buffer.ToArray();
    }

    public static void WriteTracesData(Utf8JsonWriter writer, IEnumerable<TraceSpan> spans)
    {
        writer.WriteStartObject();
        writer.WriteStartArray("resourceSpans");
        foreach (var resource in spans.GroupBy(s => ResourceKey(s.Resource), StringComparer.Ordinal))
        {
            writer.WriteStartObject();
            writer.WriteStartObject("resource");
            OtlpJsonWriter.WriteAttributes(writer, resource.First().Resource);
            writer.WriteEndObject();

            // A span read back keeps its scope's name, not its version.
            OtlpJsonWriter.WriteScopeSpans(
                writer, resource.GroupBy(s => (s.Scope, (string?)null)), WriteSpan);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteSpan(Utf8JsonWriter writer, TraceSpan span)
    {
        writer.WriteStartObject();
        writer.WriteString("traceId", span.TraceId);
        writer.WriteString("spanId", span.SpanId);
        if (span.ParentSpanId is not null)
        {
            writer.WriteString("parentSpanId", span.ParentSpanId);
        }

        writer.WriteString("name", span.Name);
        writer.WriteNumber("kind", span.Kind);
        OtlpJsonWriter.WriteNano(writer, "startTimeUnixNano", span.StartUnixNano);
        OtlpJsonWriter.WriteNano(writer, "endTimeUnixNano", span.EndUnixNano);
        OtlpJsonWriter.WriteAttributes(writer, span.Attributes);

        writer.WriteStartArray("events");
        foreach (var e in span.Events)
        {
            writer.WriteStartObject();
            OtlpJsonWriter.WriteNano(writer, "timeUnixNano", e.TimeUnixNano);
            writer.WriteString("name", e.Name);
            OtlpJsonWriter.WriteAttributes(writer, e.Attributes);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();

        writer.WriteStartArray("links");
        foreach (var link in span.Links)
        {
            writer.WriteStartObject();
            writer.WriteString("traceId", link.TraceId);
            writer.WriteString("spanId", link.SpanId);
            OtlpJsonWriter.WriteAttributes(writer, link.Attributes);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();

        writer.WriteStartObject("status");
        if (!string.IsNullOrEmpty(span.StatusMessage))
        {
            writer.WriteString("message", span.StatusMessage);
        }

        writer.WriteNumber("code", (int)span.Status);
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static string ResourceKey(IReadOnlyDictionary<string, object?> resource) =>
        string.Join('\n', resource
            .OrderBy(a => a.Key, StringComparer.Ordinal)
            .Select(a => a.Key + "=" + TraceAttributes.Format(a.Value)));
}
