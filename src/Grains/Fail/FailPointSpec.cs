namespace JailCluster.Kernel.Fail;

using System.Globalization;
using System.Text;

/// <summary>
/// Parses and prints fail(9) expressions: <c>term[-&gt;term...]</c>, each <c>[p%][n*]type[(arg)]</c>.
/// </summary>
public static class FailPointSpec
{
    /// <summary>The types fail(9) knows and the model supports.</summary>
    public static readonly string[] Types = ["off", "return", "sleep", "delay", "yield", "pause", "print", "panic"];

    /// <summary>Parses an expression; null with an error message when malformed.</summary>
    public static IReadOnlyList<FailPointTerm>? Parse(string text, out string? error)
    {
        error = null;
        var terms = new List<FailPointTerm>();
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "empty fail point expression";
            return null;
        }

        foreach (var raw in text.Split("->"))
        {
            var term = ParseTerm(raw.Trim(), out error);
            if (term is null)
            {
                return null;
            }

            terms.Add(term);
        }

        return terms;
    }

    /// <summary>Prints terms the way <c>sysctl</c> reads them back.</summary>
    public static string Format(IReadOnlyList<FailPointTerm> terms)
    {
        var sb = new StringBuilder();
        foreach (var t in terms)
        {
            if (sb.Length > 0)
            {
                sb.Append("->");
            }

            if (t.Percent < 100)
            {
                sb.Append(t.Percent.ToString("0.######", CultureInfo.InvariantCulture)).Append('%');
            }

            if (t.Count is { } n)
            {
                sb.Append(n.ToString(CultureInfo.InvariantCulture)).Append('*');
            }

            sb.Append(t.Type);
            if (t.Arg is { } a)
            {
                sb.Append('(').Append(a.ToString(CultureInfo.InvariantCulture)).Append(')');
            }
        }

        return sb.ToString();
    }

    private static FailPointTerm? ParseTerm(string s, out string? error)
    {
        error = null;
        double percent = 100;
        int? count = null;
        var i = 0;
        while (i < s.Length && (char.IsDigit(s[i]) || s[i] == '.'))
        {
            var start = i;
            while (i < s.Length && (char.IsDigit(s[i]) || s[i] == '.'))
            {
                i++;
            }

            var number = s[start..i];
            if (i < s.Length && s[i] == '%')
            {
                if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out percent)
                    || percent < 0 || percent > 100)
                {
                    error = $"bad probability '{number}%'";
                    return null;
                }

                i++;
            }
            else if (i < s.Length && s[i] == '*')
            {
                if (!int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n <= 0)
                {
                    error = $"bad count '{number}*'";
                    return null;
                }

                count = n;
                i++;
            }
            else
            {
                error = $"'{number}' must be followed by % or *";
                return null;
            }
        }

        var typeStart = i;
        while (i < s.Length && char.IsAsciiLetterLower(s[i]))
        {
            i++;
        }

        var type = s[typeStart..i];
        if (!Types.Contains(type))
        {
            error = type.Length == 0 ? $"missing type in '{s}'" : $"unknown type '{type}'";
            return null;
        }

        int? arg = null;
        if (i < s.Length && s[i] == '(')
        {
            var close = s.IndexOf(')', i);
            if (close < 0 || !int.TryParse(s.AsSpan(i + 1, close - i - 1), NumberStyles.None,
                CultureInfo.InvariantCulture, out var a))
            {
                error = $"bad argument in '{s}'";
                return null;
            }

            arg = a;
            i = close + 1;
        }

        if (i != s.Length)
        {
            error = $"trailing '{s[i..]}'";
            return null;
        }

        var needsArg = type is "return" or "sleep" or "delay";
        if (needsArg && arg is null)
        {
            error = $"{type} needs an argument";
            return null;
        }

        if (!needsArg && arg is not null)
        {
            error = $"{type} takes no argument";
            return null;
        }

        if (type == "return" && arg is 0)
        {
            error = "return needs a non-zero errno";
            return null;
        }

        return new FailPointTerm { Type = type, Arg = arg, Percent = percent, Count = count };
    }
}
