using System.Globalization;

namespace JailCluster.Tracing.Reading;

/// <summary>Reads OTLP attribute values (string, long, double, bool, list) as text.</summary>
internal static class TraceAttributes
{
    public static string? GetString(IReadOnlyDictionary<string, object?> attributes, string key) =>
        attributes.TryGetValue(key, out var value) ? Format(value) : null;

    public static string? Format(object? value) => value switch
    {
        null => null,
        string s => s,
        bool b => b ? "true" : "false",
        IEnumerable<object?> list => "[" + string.Join(", ", list.Select(Format)) + "]",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
