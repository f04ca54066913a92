using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace PolicyKit.Gate.Tests.Metrics;

/// <summary>
/// A strict reader of the OpenMetrics text format, written from the specification for these tests: it throws on the
/// first line a conforming ingestor would refuse (metadata repeated or after samples, interleaved families, a counter
/// sample without <c>_total</c>, a UNIT the name does not end with, bad escapes, duplicate series, missing <c># EOF</c>).
/// </summary>
internal static class OpenMetricsParser
{
    private static readonly Regex MetricName = new("^[a-zA-Z_:][a-zA-Z0-9_:]*$");
    private static readonly Regex LabelName = new("^[a-zA-Z_][a-zA-Z0-9_]*$");
    private static readonly HashSet<string> Types = new() { "counter", "gauge", "histogram", "gaugehistogram", "stateset", "info", "summary", "unknown" };

    public sealed record Family(string Name, string Type, string? Unit, string? Help, List<Sample> Samples);

    public sealed record Sample(string Name, IReadOnlyDictionary<string, string> Labels, double Value);

    public static IReadOnlyDictionary<string, Family> Parse(string text)
    {
        if (!text.EndsWith("# EOF\n", StringComparison.Ordinal))
        {
            throw new FormatException("the exposition must end with '# EOF' and a newline");
        }

        var lines = text.Substring(0, text.Length - "# EOF\n".Length).Split('\n');
        var families = new Dictionary<string, Family>(StringComparer.Ordinal);
        var closed = new HashSet<string>(StringComparer.Ordinal);
        Family? current = null;
        var series = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < lines.Length - 1 || (i == lines.Length - 1 && lines[i].Length > 0); i++)
        {
            var line = lines[i];
            var where = $"line {i + 1}: {line}";
            if (line.Length == 0)
            {
                throw new FormatException($"{where}: empty lines are not allowed");
            }

            if (line.StartsWith("# ", StringComparison.Ordinal))
            {
                var parts = line.Split(' ', 4);
                if (parts.Length < 4 && parts[1] != "HELP")
                {
                    throw new FormatException($"{where}: metadata needs a keyword, a name and a value");
                }

                var name = parts[2];
                if (current is null || current.Name != name)
                {
                    if (families.ContainsKey(name))
                    {
                        throw new FormatException($"{where}: family {name} appears twice (families must not interleave)");
                    }

                    if (current is not null)
                    {
                        closed.Add(current.Name);
                    }

                    current = new Family(name, "unknown", null, null, new List<Sample>());
                    families[name] = current;
                }

                if (current.Samples.Count > 0)
                {
                    throw new FormatException($"{where}: metadata after the family's samples");
                }

                var value = parts.Length > 3 ? parts[3] : string.Empty;
                switch (parts[1])
                {
                    case "TYPE" when current.Type == "unknown" && Types.Contains(value):
                        families[name] = current = current with { Type = value };
                        break;
                    case "UNIT" when current.Unit is null && name.EndsWith("_" + value, StringComparison.Ordinal):
                        families[name] = current = current with { Unit = value };
                        break;
                    case "HELP" when current.Help is null:
                        families[name] = current = current with { Help = Unescape(value, where) };
                        break;
                    default:
                        throw new FormatException($"{where}: repeated, unknown or invalid metadata");
                }

                continue;
            }

            if (line.StartsWith("#", StringComparison.Ordinal))
            {
                throw new FormatException($"{where}: comments other than TYPE, UNIT and HELP are not allowed");
            }

            var sample = ParseSample(line, where);
            if (current is null || !Belongs(sample.Name, current))
            {
                throw new FormatException($"{where}: sample {sample.Name} is not part of the current family {current?.Name ?? "(none)"} of type {current?.Type}");
            }

            if (current.Type == "counter" && sample.Value < 0)
            {
                throw new FormatException($"{where}: counters cannot be negative");
            }

            var key = sample.Name + "{" + string.Join(",", SortedLabels(sample.Labels)) + "}";
            if (!series.Add(key))
            {
                throw new FormatException($"{where}: duplicate series {key}");
            }

            current.Samples.Add(sample);
        }

        return families;
    }

    private static IEnumerable<string> SortedLabels(IReadOnlyDictionary<string, string> labels)
    {
        var keys = new List<string>(labels.Keys);
        keys.Sort(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            yield return key + "=" + labels[key];
        }
    }

    private static bool Belongs(string sample, Family family) => family.Type switch
    {
        "counter" => sample == family.Name + "_total" || sample == family.Name + "_created",
        "gauge" or "unknown" => sample == family.Name,
        _ => sample.StartsWith(family.Name, StringComparison.Ordinal),
    };

    private static Sample ParseSample(string line, string where)
    {
        var brace = line.IndexOf('{');
        var space = line.IndexOf(' ');
        var name = brace >= 0 && brace < space ? line.Substring(0, brace) : line.Substring(0, space);
        if (!MetricName.IsMatch(name))
        {
            throw new FormatException($"{where}: invalid metric name");
        }

        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        var position = name.Length;
        if (brace == name.Length)
        {
            position++;
            while (line[position] != '}')
            {
                var equals = line.IndexOf('=', position);
                var labelName = line.Substring(position, equals - position);
                if (!LabelName.IsMatch(labelName) || line[equals + 1] != '"')
                {
                    throw new FormatException($"{where}: invalid label {labelName}");
                }

                var value = new StringBuilder();
                var j = equals + 2;
                for (; line[j] != '"'; j++)
                {
                    if (line[j] == '\\')
                    {
                        j++;
                        value.Append(line[j] switch
                        {
                            '\\' => '\\',
                            '"' => '"',
                            'n' => '\n',
                            _ => throw new FormatException($"{where}: invalid escape \\{line[j]}"),
                        });
                    }
                    else
                    {
                        value.Append(line[j]);
                    }
                }

                if (!labels.TryAdd(labelName, value.ToString()))
                {
                    throw new FormatException($"{where}: label {labelName} repeated");
                }

                position = j + 1;
                if (line[position] == ',')
                {
                    position++;
                    if (line[position] == '}')
                    {
                        throw new FormatException($"{where}: trailing comma in labels");
                    }
                }
                else if (line[position] != '}')
                {
                    throw new FormatException($"{where}: expected ',' or '}}' after a label");
                }
            }

            position++;
        }

        if (line[position] != ' ')
        {
            throw new FormatException($"{where}: expected one space before the value");
        }

        var rest = line.Substring(position + 1);
        if (rest.Contains(' ', StringComparison.Ordinal))
        {
            throw new FormatException($"{where}: timestamps and exemplars are not expected here");
        }

        var number = rest switch
        {
            "NaN" => double.NaN,
            "+Inf" => double.PositiveInfinity,
            "-Inf" => double.NegativeInfinity,
            _ => double.TryParse(rest, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) && !rest.Contains(',') ? parsed : throw new FormatException($"{where}: invalid value {rest}"),
        };
        return new Sample(name, labels, number);
    }

    private static string Unescape(string text, string where)
    {
        var result = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '"')
            {
                throw new FormatException($"{where}: a double quote must be escaped");
            }

            if (text[i] != '\\')
            {
                result.Append(text[i]);
                continue;
            }

            i++;
            result.Append(i < text.Length ? text[i] switch
            {
                '\\' => '\\',
                'n' => '\n',
                '"' => '"',
                _ => throw new FormatException($"{where}: invalid escape"),
            } : throw new FormatException($"{where}: dangling backslash"));
        }

        return result.ToString();
    }
}
