namespace JailCluster.Client.Cli;

using System.Globalization;

/// <summary>
/// Reads the options of one jailctl subcommand: <c>--name value</c>, <c>--name=value</c> and flags, in any order,
/// with positional words kept in order. Every option is declared by the caller, so a misspelt one is an error.
/// </summary>
public sealed class ArgReader
{
    private readonly string command;
    private readonly Dictionary<string, List<string>> values = new(StringComparer.Ordinal);
    private readonly HashSet<string> flags = new(StringComparer.Ordinal);

    private ArgReader(string command) => this.command = command;

    /// <summary>Positional words, in order.</summary>
    public List<string> Positionals { get; } = [];

    /// <summary>
    /// Splits <paramref name="args"/> into options and positionals. <paramref name="valued"/> names the options
    /// that take a value, <paramref name="flagNames"/> those that do not (both with their dashes).
    /// </summary>
    public static ArgReader Parse(
        string command,
        IReadOnlyList<string> args,
        IReadOnlyCollection<string> valued,
        IReadOnlyCollection<string> flagNames)
    {
        var reader = new ArgReader(command);
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith('-') || arg == "-")
            {
                reader.Positionals.Add(arg);
                continue;
            }

            var (name, inline) = arg.IndexOf('=', StringComparison.Ordinal) is var eq and > 0
                ? (arg[..eq], arg[(eq + 1)..])
                : (arg, null);
            if (flagNames.Contains(name))
            {
                if (inline is not null)
                {
                    throw new UsageException($"{command}: option {name} takes no value");
                }

                reader.flags.Add(name);
            }
            else if (valued.Contains(name))
            {
                var value = inline
                    ?? (i + 1 < args.Count
                        ? args[++i]
                        : throw new UsageException($"{command}: option {name} needs a value"));
                if (!reader.values.TryGetValue(name, out var list))
                {
                    reader.values[name] = list = [];
                }

                list.Add(value);
            }
            else
            {
                throw new UsageException($"{command}: unknown option {name}");
            }
        }

        return reader;
    }

    /// <summary>True when the flag was given.</summary>
    public bool Flag(string name) => flags.Contains(name);

    /// <summary>The last value of an option, or null.</summary>
    public string? Value(string name) => values.TryGetValue(name, out var list) ? list[^1] : null;

    /// <summary>Every value of a repeatable option.</summary>
    public IReadOnlyList<string> Values(string name) => values.TryGetValue(name, out var list) ? list : [];

    /// <summary>An integer option within bounds, or <paramref name="fallback"/> when absent.</summary>
    public int Int(string name, int fallback, int min, int max)
    {
        var text = Value(name);
        if (text is null)
        {
            return fallback;
        }

        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            || value < min || value > max)
        {
            throw new UsageException($"{command}: {name} must be an integer from {min} to {max}, not '{text}'");
        }

        return value;
    }

    /// <summary>Fails unless exactly <paramref name="count"/> positionals were given.</summary>
    public void ExpectPositionals(int count, string usage)
    {
        if (Positionals.Count != count)
        {
            throw new UsageException($"usage: jailctl {usage}");
        }
    }
}
