namespace JailCluster.Client.Cli;

using System.Globalization;
using System.Reflection;
using System.Text;
using JailCluster.Hosts;

/// <summary>
/// Reads <c>--tunable NAME=MICROSECONDS</c>: every wait length of <see cref="KernelTunables"/> by a kebab-case name
/// (<c>EpochWaitMicros</c> is <c>epoch-wait</c>), so that a new tunable of the kernel needs no change here.
/// </summary>
public static class TunableParser
{
    private const string Suffix = "Micros";
    private const int MaxMicros = 60_000_000;

    /// <summary>Every tunable by its name.</summary>
    public static IReadOnlyDictionary<string, PropertyInfo> ByName { get; } = typeof(KernelTunables)
        .GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Where(p => p.PropertyType == typeof(int) && p.CanWrite && p.Name.EndsWith(Suffix, StringComparison.Ordinal))
        .ToDictionary(p => Kebab(p.Name[..^Suffix.Length]), StringComparer.Ordinal);

    /// <summary>The defaults with each <c>NAME=MICROSECONDS</c> of <paramref name="specs"/> applied.</summary>
    public static KernelTunables Parse(IReadOnlyList<string> specs)
    {
        var tunables = KernelTunables.Default with { };
        foreach (var spec in specs)
        {
            var eq = spec.IndexOf('=', StringComparison.Ordinal);
            var name = eq > 0 ? spec[..eq] : spec;
            if (!ByName.TryGetValue(name, out var property))
            {
                throw new UsageException($"unknown tunable '{name}' (known: {string.Join(", ", ByName.Keys)})");
            }

            if (eq < 0
                || !int.TryParse(spec[(eq + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var micros)
                || micros > MaxMicros)
            {
                throw new UsageException($"--tunable {name} wants microseconds from 0 to {MaxMicros}, as {name}=2000");
            }

            property.SetValue(tunables, micros);
        }

        return tunables;
    }

    /// <summary>The tunables that differ from the defaults, by name.</summary>
    public static IReadOnlyDictionary<string, int> Changed(KernelTunables tunables) => ByName
        .Where(t => !Equals(t.Value.GetValue(tunables), t.Value.GetValue(KernelTunables.Default)))
        .ToDictionary(t => t.Key, t => (int)t.Value.GetValue(tunables)!, StringComparer.Ordinal);

    private static string Kebab(string name)
    {
        var text = new StringBuilder();
        foreach (var c in name)
        {
            if (char.IsUpper(c) && text.Length > 0)
            {
                text.Append('-');
            }

            text.Append(char.ToLowerInvariant(c));
        }

        return text.ToString();
    }
}
