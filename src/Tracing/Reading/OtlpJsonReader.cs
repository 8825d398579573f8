using System.Globalization;
using System.Text.Json;

namespace JailCluster.Tracing.Reading;

/// <summary>Parses one OTLP-JSON <c>TracesData</c> line into spans.</summary>
public static class OtlpJsonReader
{
    /// <summary>The spans of one <c>TracesData</c> JSON object.</summary>
    /// <exception cref="JsonException">The text is not JSON or not shaped like <c>TracesData</c>.</exception>
    public static IReadOnlyList<TraceSpan> ReadTracesData(string json)
    {
        using var document = JsonDocument.Parse(json);
        var spans = new List<TraceSpan>();
        if (!document.RootElement.TryGetProperty("resourceSpans", out var resourceSpans))
        {
            return spans;
        }

        foreach (var resourceSpan in resourceSpans.EnumerateArray())
        {
            var resource = resourceSpan.TryGetProperty("resource", out var r) ? ReadAttributes(r) : Empty();
            if (!resourceSpan.TryGetProperty("scopeSpans", out var scopeSpans))
            {
                continue;
            }

            foreach (var scopeSpan in scopeSpans.EnumerateArray())
            {
                var scope = scopeSpan.TryGetProperty("scope", out var s) && s.TryGetProperty("name", out var n)
                    ? n.GetString() ?? ""
                    : "";
                if (!scopeSpan.TryGetProperty("spans", out var items))
                {
                    continue;
                }

                foreach (var item in items.EnumerateArray())
                {
                    spans.Add(ReadSpan(item, scope, resource));
                }
            }
        }

        return spans;
    }

    private static TraceSpan ReadSpan(JsonElement span, string scope, IReadOnlyDictionary<string, object?> resource)
    {
        var parent = OptionalString(span, "parentSpanId");
        var status = span.TryGetProperty("status", out var st) ? st : default;
        return new TraceSpan
        {
            TraceId = RequiredString(span, "traceId").ToLowerInvariant(),
            SpanId = RequiredString(span, "spanId").ToLowerInvariant(),
            ParentSpanId = string.IsNullOrEmpty(parent) ? null : parent.ToLowerInvariant(),
            Name = OptionalString(span, "name") ?? "",
            Kind = span.TryGetProperty("kind", out var kind) ? kind.GetInt32() : 0,
            StartUnixNano = ReadNano(span, "startTimeUnixNano"),
            EndUnixNano = ReadNano(span, "endTimeUnixNano"),
            Attributes = ReadAttributes(span),
            Events = span.TryGetProperty("events", out var events)
                ? [.. events.EnumerateArray().Select(e => new TraceEvent(
                    OptionalString(e, "name") ?? "", ReadNano(e, "timeUnixNano"), ReadAttributes(e)))]
                : [],
            Links = span.TryGetProperty("links", out var links)
                ? [.. links.EnumerateArray().Select(l => new TraceLink(
                    RequiredString(l, "traceId").ToLowerInvariant(),
                    RequiredString(l, "spanId").ToLowerInvariant(),
                    ReadAttributes(l)))]
                : [],
            Status = status.ValueKind == JsonValueKind.Object && status.TryGetProperty("code", out var code)
                ? (TraceStatusCode)code.GetInt32()
                : TraceStatusCode.Unset,
            StatusMessage = status.ValueKind == JsonValueKind.Object ? OptionalString(status, "message") : null,
            Scope = scope,
            Resource = resource,
        };
    }

    private static Dictionary<string, object?> Empty() => new(StringComparer.Ordinal);

    private static Dictionary<string, object?> ReadAttributes(JsonElement owner)
    {
        var attributes = Empty();
        if (!owner.TryGetProperty("attributes", out var list) || list.ValueKind != JsonValueKind.Array)
        {
            return attributes;
        }

        foreach (var attribute in list.EnumerateArray())
        {
            var key = RequiredString(attribute, "key");
            attributes[key] = attribute.TryGetProperty("value", out var value) ? ReadAnyValue(value) : null;
        }

        return attributes;
    }

    private static object? ReadAnyValue(JsonElement value)
    {
        foreach (var property in value.EnumerateObject())
        {
            var v = property.Value;
            switch (property.Name)
            {
                case "stringValue":
                    return v.GetString();
                case "boolValue":
                    return v.GetBoolean();
                case "intValue":
                    return v.ValueKind == JsonValueKind.String
                        ? long.Parse(v.GetString()!, NumberStyles.Integer, CultureInfo.InvariantCulture)
                        : v.GetInt64();
                case "doubleValue":
                    return v.ValueKind == JsonValueKind.String
                        ? double.Parse(v.GetString()!, NumberStyles.Float, CultureInfo.InvariantCulture)
                        : v.GetDouble();
                case "arrayValue":
                    return v.TryGetProperty("values", out var values)
                        ? values.EnumerateArray().Select(ReadAnyValue).ToList()
                        : new List<object?>();
                case "bytesValue":
                    return v.GetString();
                case "kvlistValue":
                    return v.GetRawText();
            }
        }

        return null;
    }

    private static ulong ReadNano(JsonElement owner, string name)
    {
        if (!owner.TryGetProperty(name, out var value))
        {
            return 0;
        }

        return value.ValueKind == JsonValueKind.String
            ? ulong.Parse(value.GetString()!, NumberStyles.None, CultureInfo.InvariantCulture)
            : value.GetUInt64();
    }

    private static string RequiredString(JsonElement owner, string name) =>
        OptionalString(owner, name) ?? throw new JsonException($"'{name}' is missing.");

    private static string? OptionalString(JsonElement owner, string name) =>
        owner.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
