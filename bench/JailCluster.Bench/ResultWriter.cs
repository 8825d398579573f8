namespace JailCluster.Bench;

using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

/// <summary>Writes a report as a console table, as markdown and as JSON.</summary>
public static class ResultWriter
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary>The figures as a plain text table.</summary>
    public static string Table(BenchReport report)
    {
        var rows = report.Figures.Select(f => (f.Section, f.Name, Number(f.Median), f.Unit, Runs(f))).ToList();
        var w1 = Math.Max(7, rows.Select(r => r.Section.Length).DefaultIfEmpty().Max());
        var w2 = Math.Max(6, rows.Select(r => r.Name.Length).DefaultIfEmpty().Max());
        var w3 = Math.Max(6, rows.Select(r => r.Item3.Length).DefaultIfEmpty().Max());
        var w4 = Math.Max(4, rows.Select(r => r.Unit.Length).DefaultIfEmpty().Max());
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture,
            $"{"section".PadRight(w1)}  {"figure".PadRight(w2)}  {"median".PadLeft(w3)}  {"unit".PadRight(w4)}  runs");
        foreach (var (section, name, median, unit, runs) in rows)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"{section.PadRight(w1)}  {name.PadRight(w2)}  {median.PadLeft(w3)}  {unit.PadRight(w4)}  {runs}");
        }

        text.AppendLine();
        foreach (var ratio in report.Ratios)
        {
            var met = ratio.Met switch { true => "met", false => "NOT met", null => "" };
            text.AppendLine(CultureInfo.InvariantCulture,
                $"{ratio.Name}: {Number(ratio.Value)} (target {ratio.Target}) {met}");
        }

        return text.ToString();
    }

    /// <summary>
    /// Writes <c>DATE.md</c> and <c>DATE.json</c> into <paramref name="directory"/>; returns their paths.
    /// </summary>
    public static (string Markdown, string Json) Write(BenchReport report, string directory)
    {
        Directory.CreateDirectory(directory);
        var stem = Path.Combine(directory, report.Date.ToString("yyyy-MM-dd'T'HHmm'Z'", CultureInfo.InvariantCulture)
            + (report.Options.Quick ? "-quick" : ""));
        File.WriteAllText(stem + ".json", JsonSerializer.Serialize(report, Json) + "\n");
        File.WriteAllText(stem + ".md", Markdown(report));
        return (stem + ".md", stem + ".json");
    }

    private static string Markdown(BenchReport report)
    {
        var md = new StringBuilder();
        var m = report.Machine;
        var quick = report.Options.Quick ? " (--quick)" : "";
        md.AppendLine(CultureInfo.InvariantCulture, $"# Benchmark {report.Date:yyyy-MM-dd HH:mm} UTC{quick}");
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"- commit: `{report.Commit}`");
        md.AppendLine(CultureInfo.InvariantCulture,
            $"- machine: {m.Processors} processors (nproc), {m.MemoryMiB} MiB, {m.Runtime}");
        md.AppendLine(CultureInfo.InvariantCulture,
            $"- load average at start {m.LoadAtStart}, at end {m.LoadAtEnd} (the machine is shared)");
        md.AppendLine(CultureInfo.InvariantCulture,
            $"- runs per figure: {report.Options.Runs}; whole run {report.Seconds:0} s");
        md.AppendLine();
        md.AppendLine("| section | figure | median | unit | runs |");
        md.AppendLine("|---|---|---:|---|---|");
        foreach (var f in report.Figures)
        {
            md.AppendLine(CultureInfo.InvariantCulture,
                $"| {f.Section} | {f.Name} | {Number(f.Median)} | {f.Unit} | {Runs(f)} |");
        }

        md.AppendLine();
        md.AppendLine("## Ratios against the targets");
        md.AppendLine();
        md.AppendLine("| ratio | value | target | met |");
        md.AppendLine("|---|---:|---|---|");
        foreach (var r in report.Ratios)
        {
            md.AppendLine(CultureInfo.InvariantCulture,
                $"| {r.Name} | {Number(r.Value)} | {r.Target} | " +
                $"{r.Met switch { true => "yes", false => "no", null => "-" }} |");
        }

        foreach (var (config, calls) in report.CallsPerTeardown)
        {
            md.AppendLine();
            md.AppendLine(CultureInfo.InvariantCulture, $"## Grain calls per teardown: {config}");
            md.AppendLine();
            md.AppendLine("| interface.method | calls per teardown |");
            md.AppendLine("|---|---:|");
            foreach (var (method, count) in calls.OrderByDescending(c => c.Value))
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"| {method} | {count:0.0} |");
            }
        }

        foreach (var (moment, types) in report.Remaining)
        {
            md.AppendLine();
            md.AppendLine(CultureInfo.InvariantCulture, $"## Activations {moment}");
            md.AppendLine();
            md.AppendLine("| grain type | activations |");
            md.AppendLine("|---|---:|");
            foreach (var (type, count) in types.OrderByDescending(t => t.Value))
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"| {type} | {count} |");
            }
        }

        if (report.Notes.Count > 0)
        {
            md.AppendLine();
            md.AppendLine("## Notes");
            md.AppendLine();
            foreach (var note in report.Notes)
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"- {note}");
            }
        }

        return md.ToString();
    }

    private static string Runs(Figure f) => string.Join(", ", f.Runs.Select(Number));

    private static string Number(double value) =>
        double.IsNaN(value) ? "-"
        : Math.Abs(value) >= 100 ? value.ToString("0", CultureInfo.InvariantCulture)
        : Math.Abs(value) >= 10 ? value.ToString("0.0", CultureInfo.InvariantCulture)
        : value.ToString("0.###", CultureInfo.InvariantCulture);
}
