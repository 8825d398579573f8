namespace JailCluster.Client.Scripts;

using JailCluster.Client.Cli;
using JailCluster.Client.Commands;

/// <summary>
/// Reads a jailctl script: one FreeBSD command line a line, <c>#</c> comments, an optional leading <c>-H NAME</c>,
/// a trailing <c>&amp;</c> to run a line alongside what follows, and <c>wait</c>. The whole file is checked before
/// anything runs; every error names <c>FILE:LINE</c>.
/// </summary>
public static class ScriptParser
{
    /// <summary>
    /// Parses <paramref name="path"/>; lines run on <paramref name="defaultHost"/> unless they name one.
    /// </summary>
    public static IReadOnlyList<ScriptLine> ParseFile(string path, string? defaultHost)
    {
        if (!File.Exists(path))
        {
            throw new JailctlException($"run: {path}: No such file or directory", ExitCodes.NoInput);
        }

        return Parse(path, File.ReadAllLines(path), defaultHost);
    }

    /// <summary>Parses the lines of a script named <paramref name="file"/>.</summary>
    public static IReadOnlyList<ScriptLine> Parse(string file, IReadOnlyList<string> lines, string? defaultHost)
    {
        var parsed = new List<ScriptLine>();
        for (var n = 0; n < lines.Count; n++)
        {
            var line = ParseLine(file, n + 1, lines[n], defaultHost);
            if (line is not null)
            {
                parsed.Add(line);
            }
        }

        return parsed;
    }

    private static ScriptLine? ParseLine(string file, int number, string text, string? defaultHost)
    {
        var where = $"{file}:{number}";
        var words = ShellWords.Split(text, out var error)?.ToList()
            ?? throw Syntax(where, error ?? "cannot split the line");
        if (words.Count == 0)
        {
            return null;
        }

        var host = defaultHost;
        if (words[0] == "-H")
        {
            if (words.Count < 2 || words[1] == "&")
            {
                throw Syntax(where, "-H needs a host name");
            }

            host = words[1];
            words.RemoveRange(0, 2);
            try
            {
                HostAccess.ValidateName(host);
            }
            catch (UsageException e)
            {
                throw Syntax(where, e.Message);
            }
        }
        else if (words[0].StartsWith("-H", StringComparison.Ordinal))
        {
            throw Syntax(where, $"write '-H NAME' with a space, not '{words[0]}'");
        }

        var background = words.Count > 0 && words[^1] == "&";
        if (background)
        {
            words.RemoveAt(words.Count - 1);
        }

        if (words.Contains("&"))
        {
            throw Syntax(where, "'&' may only end a line");
        }

        if (words.Count == 0)
        {
            throw Syntax(where, "missing command");
        }

        switch (words[0])
        {
            case "wait":
                if (words.Count > 1 || background)
                {
                    throw Syntax(where, "'wait' takes no arguments and cannot run in the background");
                }

                return new ScriptLine { File = file, Number = number, Kind = ScriptLineKind.Wait };
            case "check":
                if (words.Count > 1)
                {
                    throw Syntax(where, "'check' takes no arguments");
                }

                return new ScriptLine
                {
                    File = file, Number = number, Kind = ScriptLineKind.Check, Background = background,
                    Host = host ?? throw NoHost(where, "check"),
                };
            case "settle":
                var seconds = SettleCommand.ParseSeconds(
                    words.Skip(1).ToList(), "settle [SECONDS]", message => Syntax(where, message));
                return new ScriptLine
                {
                    File = file, Number = number, Kind = ScriptLineKind.Settle, Background = background, Argv = words,
                    Host = host ?? throw NoHost(where, "settle"), SettleSeconds = seconds,
                };
            default:
                return new ScriptLine
                {
                    File = file, Number = number, Kind = ScriptLineKind.Exec, Background = background, Argv = words,
                    Host = host ?? throw NoHost(where, words[0]),
                };
        }
    }

    private static JailctlException Syntax(string where, string message) =>
        new($"{where}: syntax error: {message}", ExitCodes.DataError);

    private static JailctlException NoHost(string where, string command) =>
        new($"{where}: no host for '{command}': start the line with -H NAME or use 'jailctl -H HOST run FILE'",
            ExitCodes.DataError);
}
