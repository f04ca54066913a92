using System;
using System.Collections.Generic;
using System.Text;
using PolicyKit.Policies.Yaml;

namespace PolicyKit.Policies.Checks.PodSecurity;

/// <summary>Reading pod fields the way the API server decodes them, and wording messages the way upstream words them.</summary>
internal static class Text
{
    /// <summary>A boolean <c>true</c> (YAML 1.1 spellings included); quoted strings are not booleans.</summary>
    public static bool IsTrue(YamlNode? node) => node is ScalarNode scalar && scalar.AsBoolean() == true;

    public static bool IsFalse(YamlNode? node) => node is ScalarNode scalar && scalar.AsBoolean() == false;

    /// <summary>Present and not null: a pointer field the API server would see as set.</summary>
    public static bool IsSet(YamlNode? node) => node is not null && node is not ScalarNode { IsNull: true };

    /// <summary>The string a scalar holds, or null when absent, null or not a scalar.</summary>
    public static string? String(YamlNode? node) => node is ScalarNode scalar && !scalar.IsNull ? scalar.Value : null;

    /// <summary>
    /// Whether a plain scalar is a YAML integer, and whether it is zero: signs, <c>0x</c>/<c>0o</c>/<c>0b</c> prefixes and
    /// underscores as YAML 1.1 allows. Quoted scalars are strings, which the API server would not accept as numbers.
    /// </summary>
    public static bool TryInteger(YamlNode? node, out bool isZero)
    {
        isZero = false;
        if (node is not ScalarNode { IsPlain: true } scalar || scalar.IsNull)
        {
            return false;
        }

        var value = scalar.Value;
        var i = 0;
        if (i < value.Length && (value[i] == '+' || value[i] == '-'))
        {
            i++;
        }

        var hex = false;
        if (i + 1 < value.Length && value[i] == '0' && (value[i + 1] == 'x' || value[i + 1] == 'o' || value[i + 1] == 'b'))
        {
            hex = value[i + 1] == 'x';
            i += 2;
        }

        var digits = 0;
        var allZero = true;
        for (; i < value.Length; i++)
        {
            var c = value[i];
            if (c == '_')
            {
                continue;
            }

            var isDigit = (c >= '0' && c <= '9') || (hex && ((c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')));
            if (!isDigit)
            {
                return false;
            }

            digits++;
            allZero &= c == '0';
        }

        isZero = allZero;
        return digits > 0;
    }

    public static bool IsZeroInteger(YamlNode? node) => TryInteger(node, out var zero) && zero;

    public static bool IsNonZeroInteger(YamlNode? node) => TryInteger(node, out var zero) && !zero;

    public static string Plural(string one, string many, int count) => count == 1 ? one : many;

    /// <summary><c>"a", "b"</c>.</summary>
    public static string JoinQuoted(IReadOnlyList<string> items)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < items.Count; i++)
        {
            builder.Append(i == 0 ? "\"" : ", \"").Append(items[i]).Append('"');
        }

        return builder.ToString();
    }

    /// <summary><c>container "a"</c> or <c>containers "a", "b"</c>.</summary>
    public static string Containers(IReadOnlyList<string> names) =>
        Plural("container", "containers", names.Count) + " " + JoinQuoted(names);

    /// <summary>A sorted copy without duplicates, as upstream lists values (ordinal order).</summary>
    public static List<string> SortedDistinct(IEnumerable<string> values)
    {
        var set = new SortedSet<string>(values, StringComparer.Ordinal);
        return new List<string>(set);
    }

    /// <summary>Go's <c>%q</c> for the plain strings manifests hold: quotes with backslash escapes.</summary>
    public static string Quote(string value)
    {
        var builder = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\t': builder.Append("\\t"); break;
                default: builder.Append(c); break;
            }
        }

        return builder.Append('"').ToString();
    }

    /// <summary><c>pod and containers "a", "b"</c>.</summary>
    public static string Setters(bool pod, IReadOnlyList<string>? containers)
    {
        var hasContainers = containers is { Count: > 0 };
        if (pod && hasContainers)
        {
            return "pod and " + Containers(containers!);
        }

        return pod ? "pod" : Containers(containers!);
    }
}
