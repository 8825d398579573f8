namespace JailCluster.Client.Output;

using System.Text;

/// <summary>
/// A plain text table: a header row and left-aligned columns two spaces apart, as FreeBSD tools print.
/// </summary>
public sealed class TextTable(params string[] headers)
{
    private readonly List<string[]> rows = [];

    /// <summary>Adds a row; missing cells print empty.</summary>
    public void Add(params object?[] cells) =>
        rows.Add([.. cells.Select(c => c?.ToString() ?? "")]);

    /// <summary>The table as text, each line ending in a newline.</summary>
    public override string ToString()
    {
        var widths = headers
            .Select((h, i) => rows.Select(r => i < r.Length ? r[i].Length : 0).Append(h.Length).Max())
            .ToArray();
        var text = new StringBuilder();
        Append(text, headers, widths);
        foreach (var row in rows)
        {
            Append(text, row, widths);
        }

        return text.ToString();
    }

    private static void Append(StringBuilder text, string[] cells, int[] widths)
    {
        var line = new StringBuilder();
        for (var i = 0; i < widths.Length; i++)
        {
            var cell = i < cells.Length ? cells[i] : "";
            line.Append(i == widths.Length - 1 ? cell : cell.PadRight(widths[i] + 2));
        }

        text.Append(line.ToString().TrimEnd()).Append('\n');
    }
}
