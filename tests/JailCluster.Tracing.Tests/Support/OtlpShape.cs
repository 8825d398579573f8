using System.Text.Json;
using System.Text.RegularExpressions;

namespace JailCluster.Tracing.Tests.Support;

/// <summary>Checks raw JSON against the OTLP protobuf-JSON encoding of <c>TracesData</c>.</summary>
public static partial class OtlpShape
{
    /// <summary>Asserts the shape of one line; returns its spans with their resource attributes.</summary>
    public static List<(JsonElement Span, JsonElement Resource)> AssertTracesData(JsonElement data)
    {
        var spans = new List<(JsonElement, JsonElement)>();
        var resourceSpans = data.GetProperty("resourceSpans");
        Assert.Equal(JsonValueKind.Array, resourceSpans.ValueKind);
        Assert.NotEqual(0, resourceSpans.GetArrayLength());
        foreach (var resourceSpan in resourceSpans.EnumerateArray())
        {
            var resource = resourceSpan.GetProperty("resource");
            AssertAttributes(resource);
            foreach (var scopeSpan in resourceSpan.GetProperty("scopeSpans").EnumerateArray())
            {
                Assert.Equal(JsonValueKind.String, scopeSpan.GetProperty("scope").GetProperty("name").ValueKind);
                foreach (var span in scopeSpan.GetProperty("spans").EnumerateArray())
                {
                    AssertSpan(span);
                    spans.Add((span, resource));
                }
            }
        }

        return spans;
    }

    public static string? Attribute(JsonElement owner, string key)
    {
        foreach (var attribute in owner.GetProperty("attributes").EnumerateArray())
        {
            if (attribute.GetProperty("key").GetString() == key)
            {
                var value = attribute.GetProperty("value").EnumerateObject().Single().Value;
                return value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText();
            }
        }

        return null;
    }

    private static void AssertSpan(JsonElement span)
    {
        Assert.Matches(TraceIdPattern(), span.GetProperty("traceId").GetString());
        Assert.Matches(SpanIdPattern(), span.GetProperty("spanId").GetString());
        if (span.TryGetProperty("parentSpanId", out var parent))
        {
            Assert.Matches(SpanIdPattern(), parent.GetString());
        }

        Assert.False(string.IsNullOrEmpty(span.GetProperty("name").GetString()));
        Assert.InRange(span.GetProperty("kind").GetInt32(), 1, 5);
        var start = Nano(span.GetProperty("startTimeUnixNano"));
        var end = Nano(span.GetProperty("endTimeUnixNano"));
        Assert.True(start <= end, $"start {start} after end {end}");
        AssertAttributes(span);
        foreach (var e in span.GetProperty("events").EnumerateArray())
        {
            Nano(e.GetProperty("timeUnixNano"));
            Assert.Equal(JsonValueKind.String, e.GetProperty("name").ValueKind);
            AssertAttributes(e);
        }

        foreach (var link in span.GetProperty("links").EnumerateArray())
        {
            Assert.Matches(TraceIdPattern(), link.GetProperty("traceId").GetString());
            Assert.Matches(SpanIdPattern(), link.GetProperty("spanId").GetString());
        }

        Assert.InRange(span.GetProperty("status").GetProperty("code").GetInt32(), 0, 2);
    }

    private static ulong Nano(JsonElement value)
    {
        Assert.Equal(JsonValueKind.String, value.ValueKind);
        Assert.Matches(DecimalPattern(), value.GetString());
        return ulong.Parse(value.GetString()!, System.Globalization.CultureInfo.InvariantCulture);
    }

    private static void AssertAttributes(JsonElement owner)
    {
        foreach (var attribute in owner.GetProperty("attributes").EnumerateArray())
        {
            Assert.Equal(JsonValueKind.String, attribute.GetProperty("key").ValueKind);
            AssertAnyValue(attribute.GetProperty("value"));
        }
    }

    private static void AssertAnyValue(JsonElement value)
    {
        var property = Assert.Single(value.EnumerateObject());
        switch (property.Name)
        {
            case "stringValue":
                Assert.Equal(JsonValueKind.String, property.Value.ValueKind);
                break;
            case "intValue":
                Assert.Matches(IntegerPattern(), property.Value.GetString());
                break;
            case "doubleValue":
                Assert.Equal(JsonValueKind.Number, property.Value.ValueKind);
                break;
            case "boolValue":
                Assert.True(property.Value.ValueKind is JsonValueKind.True or JsonValueKind.False);
                break;
            case "arrayValue":
                foreach (var item in property.Value.GetProperty("values").EnumerateArray())
                {
                    AssertAnyValue(item);
                }

                break;
            default:
                Assert.Fail($"unexpected AnyValue member {property.Name}");
                break;
        }
    }

    [GeneratedRegex("^[0-9a-f]{32}$")]
    private static partial Regex TraceIdPattern();

    [GeneratedRegex("^[0-9a-f]{16}$")]
    private static partial Regex SpanIdPattern();

    [GeneratedRegex("^[0-9]+$")]
    private static partial Regex DecimalPattern();

    [GeneratedRegex("^-?[0-9]+$")]
    private static partial Regex IntegerPattern();
}
