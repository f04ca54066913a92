using System;
using PolicyKit.Policies.Model;
using PolicyKit.Policies.Yaml;

namespace PolicyKit.Policies.Checks.Secrets;

/// <summary>
/// Finds the exact line and column of a secret inside a scalar's value — the line of a block scalar (<c>|</c>) that holds
/// <c>admin_passwd</c>, the password inside a URL — by looking for it in the source text from where the value starts.
/// When it cannot be found verbatim (an escaped double-quoted string), the finding points at the value itself.
/// </summary>
internal static class ValueLocation
{
    /// <summary>A node positioned where <paramref name="length"/> characters at <paramref name="index"/> of the scalar's value are.</summary>
    public static YamlNode Of(Resource resource, ScalarNode scalar, int index, int length)
    {
        var value = scalar.Value;
        var source = SourceText.Of(resource.Source);
        var start = source?.OffsetOf(scalar.Line, scalar.Column) ?? -1;
        if (source is null || start < 0 || start >= source.Text.Length)
        {
            return scalar;
        }

        if (index <= 0 && length >= value.Length)
        {
            return Whole(scalar, source.Text[start]);
        }

        var valueLine = 0;
        var lineStart = 0;
        for (var i = 0; i < index && i < value.Length; i++)
        {
            if (value[i] == '\n')
            {
                valueLine++;
                lineStart = i + 1;
            }
        }

        // The value's line up to the end of the secret: "admin_passwd = admin" finds the value, not the "admin" in the key.
        var fragment = FirstLine(value, index, length);
        var needle = FirstLine(value, lineStart, index - lineStart + fragment.Length);
        if (fragment.Length == 0 || needle.Length < fragment.Length)
        {
            return scalar;
        }

        var found = -1;
        var indicator = source.Text[start];
        if (indicator == '|' || indicator == '>')
        {
            // A block scalar keeps its lines: value line N sits on the N-th line after the indicator (literal style).
            var from = source.LineStart(scalar.Line + 1 + valueLine);
            found = from < 0 ? -1 : source.Text.IndexOf(needle, from, StringComparison.Ordinal);
        }

        if (found < 0)
        {
            found = source.Text.IndexOf(needle, start, StringComparison.Ordinal);
        }

        if (found >= 0)
        {
            found += needle.Length - fragment.Length;
        }
        else
        {
            // Escapes in a double-quoted value change the text around the secret; the secret itself rarely has any.
            found = source.Text.IndexOf(fragment, start, StringComparison.Ordinal);
        }

        if (found < 0)
        {
            return scalar;
        }

        var (line, column) = source.PositionOf(found);
        return new ScalarNode(string.Empty, false, line, column);
    }

    /// <summary>Where a whole scalar's value starts: after its opening quote, if it has one (a quote that is part of the value, as in an INI file, stays).</summary>
    public static YamlNode Of(Resource resource, ScalarNode scalar)
    {
        var source = SourceText.Of(resource.Source);
        var start = source?.OffsetOf(scalar.Line, scalar.Column) ?? -1;
        return source is null || start < 0 || start >= source.Text.Length ? scalar : Whole(scalar, source.Text[start]);
    }

    private static YamlNode Whole(ScalarNode scalar, char first) =>
        !scalar.IsPlain && (first == '"' || first == '\'') && (scalar.Value.Length == 0 || scalar.Value[0] != first)
            ? new ScalarNode(string.Empty, false, scalar.Line, scalar.Column + 1)
            : scalar;

    private static string FirstLine(string value, int index, int length)
    {
        if (index < 0 || index >= value.Length || length <= 0)
        {
            return string.Empty;
        }

        var end = Math.Min(value.Length, index + length);
        var newline = value.IndexOf('\n', index, end - index);
        return value.Substring(index, (newline < 0 ? end : newline) - index).TrimEnd('\r');
    }
}
