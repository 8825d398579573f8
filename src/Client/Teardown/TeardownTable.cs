namespace JailCluster.Client.Teardown;

using System.Globalization;
using System.Text;

/// <summary>The summary table a teardown prints at its end (or when interrupted).</summary>
public static class TeardownTable
{
    /// <summary>The report as a two-column table.</summary>
    public static string Format(TeardownReport report)
    {
        var o = report.Options;
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture,
            $"teardown{(report.Interrupted ? " (interrupted, partial)" : "")}: " +
            $"kernel {report.Kernel}, pattern {report.Pattern}, " +
            $"seed {report.Seed}: {report.Hosts} host(s) x {o.JailsPerHost} jail(s) x {o.EpairsPerJail} epair(s), " +
            $"{o.ProcessesPerJail} process(es) per jail\n");
        Row(text, "jails torn down cleanly", $"{report.JailsClean} of {report.Jails}");
        Row(text, "jails lost with a panic", report.JailsLostWithPanic.ToString(CultureInfo.InvariantCulture));
        if (report.HostsCrashed > 0)
        {
            Row(text, "jails lost with a crash", report.JailsLostWithCrash.ToString(CultureInfo.InvariantCulture));
        }

        Row(text, "jails with errors", report.JailsWithErrors.ToString(CultureInfo.InvariantCulture));
        if (report.JailsNotBuilt > 0)
        {
            Row(text, "jails not built", report.JailsNotBuilt.ToString(CultureInfo.InvariantCulture));
        }

        if (report.JailsNotTornDown > 0)
        {
            Row(text, "jails not torn down", report.JailsNotTornDown.ToString(CultureInfo.InvariantCulture));
        }

        Row(text, "hosts panicked", report.HostsPanicked == 0
            ? "0"
            : $"{report.HostsPanicked}: {string.Join(", ", report.Panics.Select(p => $"{p.Host} ({p.PanicId})"))}");
        if (report.HostsCrashed > 0)
        {
            Row(text, "hosts crashed",
                $"{report.HostsCrashed}: {string.Join(", ", report.Crashes.Select(c => c.Host))}");
        }

        Row(text, "checker findings", report.Interrupted && report.Findings.Count == 0
            ? "not run"
            : Counts(report.FindingsByKind));
        Row(text, "errors by errno", Counts(report.Errors)
            + Refused(report));
        Row(text, "duration", string.Create(CultureInfo.InvariantCulture,
            $"{report.DurationSeconds:0.00} s (build {report.BuildSeconds:0.00} s)" +
            $"{(report.Settled || report.Interrupted ? "" : ", not settled")}"));
        Row(text, "teardowns per second", report.TeardownsPerSecond.ToString("0.0", CultureInfo.InvariantCulture));
        return text.ToString();
    }

    private static string Refused(TeardownReport report)
    {
        var parts = new List<string>();
        if (report.CommandsRefusedAfterPanic > 0)
        {
            parts.Add($"{report.CommandsRefusedAfterPanic} refused after a panic");
        }

        if (report.CommandsLostWithCrash > 0)
        {
            parts.Add($"{report.CommandsLostWithCrash} lost with a crash");
        }

        return parts.Count == 0 ? "" : $" ({string.Join(", ", parts)})";
    }

    private static string Counts(IReadOnlyDictionary<string, int> counts) =>
        counts.Count == 0
            ? "none"
            : string.Join(", ", counts.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key} {c.Value}"));

    private static void Row(StringBuilder text, string name, string value) =>
        text.Append("  ").Append(name.PadRight(26)).Append(value).Append('\n');
}
