namespace JailCluster.Client.Scripts;

using System.Text;

/// <summary>
/// Splits a line into words as sh(1) would for simple commands: blanks, quotes, backslashes, comments.
/// </summary>
public static class ShellWords
{
    /// <summary>The words of <paramref name="line"/>, or null with <paramref name="error"/> set.</summary>
    public static IReadOnlyList<string>? Split(string line, out string? error)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        var inWord = false;
        error = null;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (char.IsWhiteSpace(c))
            {
                if (inWord)
                {
                    words.Add(word.ToString());
                    word.Clear();
                    inWord = false;
                }

                continue;
            }

            if (c == '#' && !inWord)
            {
                break;
            }

            inWord = true;
            if (c == '\\')
            {
                if (i + 1 < line.Length)
                {
                    word.Append(line[++i]);
                }

                continue;
            }

            if (c is '\'' or '"')
            {
                var close = c == '\'' ? line.IndexOf('\'', i + 1) : ClosingDoubleQuote(line, i + 1);
                if (close < 0)
                {
                    error = $"unterminated {(c == '\'' ? "single" : "double")} quote";
                    return null;
                }

                var quoted = line[(i + 1)..close];
                word.Append(c == '"' ? quoted.Replace("\\\"", "\"", StringComparison.Ordinal) : quoted);
                i = close;
                continue;
            }

            word.Append(c);
        }

        if (inWord)
        {
            words.Add(word.ToString());
        }

        return words;
    }

    private static int ClosingDoubleQuote(string line, int from)
    {
        for (var i = from; i < line.Length; i++)
        {
            if (line[i] == '\\')
            {
                i++;
            }
            else if (line[i] == '"')
            {
                return i;
            }
        }

        return -1;
    }
}
