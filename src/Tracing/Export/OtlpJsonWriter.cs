using System.Collections;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace JailCluster.Tracing.Export;

/// <summary>
/// Writes spans as one OTLP <c>TracesData</c> object in the protobuf-JSON encoding that the OpenTelemetry
/// Collector's file exporter uses: lowercase hex ids, integer enums, nanosecond times as decimal strings,
/// 64-bit integers as strings.
/// </summary>
internal static class OtlpJsonWriter
{
    private static readonly long UnixEpochTicks = DateTime.UnixEpoch.Ticks;

    /// <summary>Writes one <c>TracesData</c> object holding <paramref name="spans"/> under one resource.</summary>
    public static void WriteTracesData(
        Utf8JsonWriter writer,
        IEnumerable<KeyValuePair<string, object>> resource,
        IReadOnlyCollection<Activity> spans)
    {
        writer.WriteStartObject();
        writer.WriteStartArray("resourceSpans");
        writer.WriteStartObject();

        writer.WriteStartObject("resource");
        WriteAttributes(writer, resource.Select(a => new KeyValuePair<string, object?>(a.Key, a.Value)));
        writer.WriteEndObject();

        WriteScopeSpans(writer, spans.GroupBy(s => (s.Source.Name, (string?)s.Source.Version)), WriteSpan);
        writer.WriteEndObject();
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary>
    /// Writes the <c>scopeSpans</c> array of one resource: each scope's name and version, then its spans, each
    /// written by <paramref name="writeSpan"/>.
    /// </summary>
    public static void WriteScopeSpans<TSpan>(
        Utf8JsonWriter writer,
        IEnumerable<IGrouping<(string Name, string? Version), TSpan>> scopes,
        Action<Utf8JsonWriter, TSpan> writeSpan)
    {
        writer.WriteStartArray("scopeSpans");
        foreach (var scope in scopes)
        {
            writer.WriteStartObject();
            writer.WriteStartObject("scope");
            writer.WriteString("name", scope.Key.Name);
            if (!string.IsNullOrEmpty(scope.Key.Version))
            {
                writer.WriteString("version", scope.Key.Version);
            }

            writer.WriteEndObject();
            writer.WriteStartArray("spans");
            foreach (var span in scope)
            {
                writeSpan(writer, span);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    /// <summary>Nanoseconds since the Unix epoch, as OTLP counts them.</summary>
    public static ulong ToUnixNano(DateTime utc) => (ulong)(utc.Ticks - UnixEpochTicks) * 100;

    // The exporter writes every span of a kept trace: ids, times and tags are formatted on the stack and enumerated
    // with the activity's struct enumerators, so that writing a span allocates nothing of its own.
    private static void WriteSpan(Utf8JsonWriter writer, Activity span)
    {
        writer.WriteStartObject();
        WriteId(writer, "traceId", span.TraceId);
        WriteId(writer, "spanId", span.SpanId);
        if (!string.IsNullOrEmpty(span.TraceStateString))
        {
            writer.WriteString("traceState", span.TraceStateString);
        }

        if (span.ParentSpanId != default)
        {
            WriteId(writer, "parentSpanId", span.ParentSpanId);
        }

        writer.WriteString("name", span.DisplayName);

        // ActivityKind counts from Internal = 0; OTLP reserves 0 for "unspecified".
        writer.WriteNumber("kind", (int)span.Kind + 1);
        var start = span.StartTimeUtc;
        WriteNano(writer, "startTimeUnixNano", ToUnixNano(start));
        WriteNano(writer, "endTimeUnixNano", ToUnixNano(start + span.Duration));
        writer.WriteStartArray("attributes");
        foreach (ref readonly var tag in span.EnumerateTagObjects())
        {
            WriteAttribute(writer, tag.Key, tag.Value);
        }

        writer.WriteEndArray();

        writer.WriteStartArray("events");
        foreach (ref readonly var e in span.EnumerateEvents())
        {
            writer.WriteStartObject();
            WriteNano(writer, "timeUnixNano", ToUnixNano(e.Timestamp.UtcDateTime));
            writer.WriteString("name", e.Name);
            writer.WriteStartArray("attributes");
            foreach (ref readonly var tag in e.EnumerateTagObjects())
            {
                WriteAttribute(writer, tag.Key, tag.Value);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();

        writer.WriteStartArray("links");
        foreach (ref readonly var link in span.EnumerateLinks())
        {
            writer.WriteStartObject();
            WriteId(writer, "traceId", link.Context.TraceId);
            WriteId(writer, "spanId", link.Context.SpanId);
            if (!string.IsNullOrEmpty(link.Context.TraceState))
            {
                writer.WriteString("traceState", link.Context.TraceState);
            }

            WriteAttributes(writer, link.Tags ?? []);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();

        writer.WriteStartObject("status");
        if (!string.IsNullOrEmpty(span.StatusDescription))
        {
            writer.WriteString("message", span.StatusDescription);
        }

        // ActivityStatusCode and OTLP's StatusCode share their numbering: unset 0, ok 1, error 2.
        writer.WriteNumber("code", (int)span.Status);
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    /// <summary>Writes a nanosecond time as OTLP JSON spells it: a decimal string.</summary>
    public static void WriteNano(Utf8JsonWriter writer, string name, ulong value)
    {
        Span<char> digits = stackalloc char[20];
        value.TryFormat(digits, out var length, provider: CultureInfo.InvariantCulture);
        writer.WriteString(name, digits[..length]);
    }

    /// <summary>Writes an OTLP <c>attributes</c> array.</summary>
    public static void WriteAttributes(Utf8JsonWriter writer, IEnumerable<KeyValuePair<string, object?>> attributes)
    {
        writer.WriteStartArray("attributes");
        foreach (var (key, value) in attributes)
        {
            WriteAttribute(writer, key, value);
        }

        writer.WriteEndArray();
    }

    private static void WriteAttribute(Utf8JsonWriter writer, string key, object? value)
    {
        writer.WriteStartObject();
        writer.WriteString("key", key);
        writer.WritePropertyName("value");
        WriteAnyValue(writer, value);
        writer.WriteEndObject();
    }

    // Lowercase hex, as OTLP JSON spells trace and span ids.
    private static void WriteId(Utf8JsonWriter writer, string name, ActivityTraceId id)
    {
        Span<byte> bytes = stackalloc byte[16];
        id.CopyTo(bytes);
        WriteHex(writer, name, bytes);
    }

    private static void WriteId(Utf8JsonWriter writer, string name, ActivitySpanId id)
    {
        Span<byte> bytes = stackalloc byte[8];
        id.CopyTo(bytes);
        WriteHex(writer, name, bytes);
    }

    private static void WriteHex(Utf8JsonWriter writer, string name, ReadOnlySpan<byte> bytes)
    {
        Span<char> hex = stackalloc char[bytes.Length * 2];
        Convert.TryToHexStringLower(bytes, hex, out _);
        writer.WriteString(name, hex);
    }

    private static void WriteInt(Utf8JsonWriter writer, long value)
    {
        Span<char> digits = stackalloc char[20];
        value.TryFormat(digits, out var length, provider: CultureInfo.InvariantCulture);
        writer.WriteString("intValue", digits[..length]);
    }

    private static void WriteAnyValue(Utf8JsonWriter writer, object? value)
    {
        writer.WriteStartObject();
        switch (value)
        {
            case null:
                break;
            case string s:
                writer.WriteString("stringValue", s);
                break;
            case bool b:
                writer.WriteBoolean("boolValue", b);
                break;
            case int i:
                WriteInt(writer, i);
                break;
            case sbyte or byte or short or ushort or uint or long:
                WriteInt(writer, Convert.ToInt64(value, CultureInfo.InvariantCulture));
                break;
            case ulong u when u <= long.MaxValue:
                WriteInt(writer, (long)u);
                break;
            case float or double or decimal:
                WriteDouble(writer, Convert.ToDouble(value, CultureInfo.InvariantCulture));
                break;
            case IEnumerable sequence:
                writer.WriteStartObject("arrayValue");
                writer.WriteStartArray("values");
                foreach (var item in sequence)
                {
                    WriteAnyValue(writer, item);
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
                break;
            default:
                writer.WriteString("stringValue", Convert.ToString(value, CultureInfo.InvariantCulture));
                break;
        }

        writer.WriteEndObject();
    }

    private static void WriteDouble(Utf8JsonWriter writer, double value)
    {
        // Protobuf JSON spells the non-finite doubles as strings.
        if (double.IsNaN(value))
        {
            writer.WriteString("doubleValue", "NaN");
        }
        else if (double.IsPositiveInfinity(value))
        {
            writer.WriteString("doubleValue", "Infinity");
        }
        else if (double.IsNegativeInfinity(value))
        {
            writer.WriteString("doubleValue", "-Infinity");
        }
        else
        {
            writer.WriteNumber("doubleValue", value);
        }
    }
}
