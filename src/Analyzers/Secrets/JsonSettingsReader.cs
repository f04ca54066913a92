using System.Collections.Generic;
using System.Text;

namespace PolicyKit.Analyzers.Secrets;

/// <summary>
/// Reads the string values of an <c>appsettings.json</c>-style file with their positions, as tolerantly as the
/// configuration provider does: comments and trailing commas are allowed. Malformed input ends the scan early rather than
/// failing: the build's own JSON tooling reports syntax errors.
/// </summary>
internal static class JsonSettingsReader
{
    public static List<SettingValue> Read(string text)
    {
        var values = new List<SettingValue>();
        var path = new List<string>();
        var pendingKey = (string?)null;
        var containers = new Stack<bool>();
        var arrayIndex = new Stack<int>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '/' && i + 1 < text.Length && (text[i + 1] == '/' || text[i + 1] == '*'))
            {
                i = SkipComment(text, i);
                continue;
            }

            switch (c)
            {
                case '{':
                case '[':
                    if (containers.Count > 0)
                    {
                        path.Add(pendingKey ?? NextIndex(arrayIndex));
                    }

                    containers.Push(c == '{');
                    arrayIndex.Push(0);
                    pendingKey = null;
                    i++;
                    continue;
                case '}':
                case ']':
                    if (containers.Count == 0)
                    {
                        return values;
                    }

                    containers.Pop();
                    arrayIndex.Pop();
                    if (path.Count > 0 && containers.Count > 0)
                    {
                        path.RemoveAt(path.Count - 1);
                    }

                    i++;
                    continue;
                case '"':
                    var start = i + 1;
                    if (!TryReadString(text, ref i, out var value))
                    {
                        return values;
                    }

                    var inObject = containers.Count > 0 && containers.Peek();
                    if (inObject && pendingKey is null && NextNonSpace(text, i) == ':')
                    {
                        pendingKey = value;
                        continue;
                    }

                    var key = inObject ? pendingKey ?? string.Empty : NextIndex(arrayIndex);
                    var name = inObject ? key : path.Count > 0 ? path[path.Count - 1] : key;
                    values.Add(new SettingValue(Join(path, key), name, value, start, i - 1 - start));
                    pendingKey = null;
                    continue;
                case ',':
                    pendingKey = null;
                    i++;
                    continue;
                default:
                    if (!char.IsWhiteSpace(c) && c != ':' && containers.Count > 0 && !containers.Peek() && (char.IsLetterOrDigit(c) || c == '-'))
                    {
                        // A number, true, false or null inside an array still takes an index.
                        NextIndex(arrayIndex);
                        while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] is '.' or '-' or '+'))
                        {
                            i++;
                        }

                        continue;
                    }

                    if (!char.IsWhiteSpace(c) && c != ':' && pendingKey is not null && (char.IsLetterOrDigit(c) || c == '-'))
                    {
                        pendingKey = null;
                    }

                    i++;
                    continue;
            }
        }

        return values;
    }

    private static string NextIndex(Stack<int> arrayIndex)
    {
        if (arrayIndex.Count == 0)
        {
            return "0";
        }

        var index = arrayIndex.Pop();
        arrayIndex.Push(index + 1);
        return index.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    private static string Join(List<string> path, string key)
    {
        var builder = new StringBuilder();
        foreach (var part in path)
        {
            builder.Append(part).Append(':');
        }

        return builder.Append(key).ToString();
    }

    private static char NextNonSpace(string text, int i)
    {
        while (i < text.Length && char.IsWhiteSpace(text[i]))
        {
            i++;
        }

        return i < text.Length ? text[i] : '\0';
    }

    private static int SkipComment(string text, int i)
    {
        if (text[i + 1] == '/')
        {
            var end = text.IndexOf('\n', i);
            return end < 0 ? text.Length : end + 1;
        }

        var close = text.IndexOf("*/", i + 2, System.StringComparison.Ordinal);
        return close < 0 ? text.Length : close + 2;
    }

    /// <summary>Reads the string that starts at <paramref name="i"/> (its opening quote) and leaves <paramref name="i"/> after it.</summary>
    private static bool TryReadString(string text, ref int i, out string value)
    {
        var builder = new StringBuilder();
        for (var j = i + 1; j < text.Length; j++)
        {
            var c = text[j];
            if (c == '"')
            {
                value = builder.ToString();
                i = j + 1;
                return true;
            }

            if (c == '\\' && j + 1 < text.Length)
            {
                j++;
                var escaped = text[j];
                if (escaped == 'u' && j + 4 < text.Length && int.TryParse(text.Substring(j + 1, 4), System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture, out var code))
                {
                    builder.Append((char)code);
                    j += 4;
                    continue;
                }

                builder.Append(escaped switch { 'n' => '\n', 't' => '\t', 'r' => '\r', 'b' => '\b', 'f' => '\f', _ => escaped });
                continue;
            }

            if (c == '\n')
            {
                break;
            }

            builder.Append(c);
        }

        value = string.Empty;
        return false;
    }
}
