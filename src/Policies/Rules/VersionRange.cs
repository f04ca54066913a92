using System;
using System.Collections.Generic;

namespace PolicyKit.Policies.Rules;

/// <summary>
/// A pack version range as npm and Cargo users write them: <c>1.2.3</c> (exact), <c>^1.2</c>, <c>~1.2</c>, <c>1.x</c>,
/// <c>*</c>, or comparators joined by spaces (<c>&gt;=1.0.0 &lt;2.0.0</c>).
/// </summary>
public sealed class VersionRange
{
    private readonly List<(string Operator, SemanticVersion Version)> comparators;

    private VersionRange(string text, List<(string, SemanticVersion)> comparators)
    {
        Text = text;
        this.comparators = comparators;
    }

    public static VersionRange Any { get; } = new("*", new List<(string, SemanticVersion)>());

    public string Text { get; }

    public bool Contains(SemanticVersion version)
    {
        foreach (var (op, bound) in comparators)
        {
            var comparison = version.CompareTo(bound);
            var holds = op switch
            {
                ">=" => comparison >= 0,
                ">" => comparison > 0,
                "<=" => comparison <= 0,
                "<" => comparison < 0,
                _ => comparison == 0,
            };
            if (!holds)
            {
                return false;
            }
        }

        return true;
    }

    public static bool TryParse(string? text, out VersionRange range)
    {
        range = Any;
        if (string.IsNullOrWhiteSpace(text) || text!.Trim() == "*")
        {
            return true;
        }

        var comparators = new List<(string, SemanticVersion)>();
        foreach (var token in text.Split(new[] { ' ' }, StringSplitOptions.RemoveEmptyEntries))
        {
            if (!TryAddComparators(token, comparators))
            {
                return false;
            }
        }

        range = new VersionRange(text.Trim(), comparators);
        return true;
    }

    private static bool TryAddComparators(string token, List<(string, SemanticVersion)> comparators)
    {
        if (token.StartsWith("^", StringComparison.Ordinal) || token.StartsWith("~", StringComparison.Ordinal))
        {
            if (!SemanticVersion.TryParse(token.Substring(1), out var floor))
            {
                return false;
            }

            var ceiling = token[0] == '~' || floor.Major == 0
                ? new SemanticVersion(floor.Major, floor.Minor + 1, 0)
                : new SemanticVersion(floor.Major + 1, 0, 0);
            comparators.Add((">=", floor));
            comparators.Add(("<", ceiling));
            return true;
        }

        foreach (var op in new[] { ">=", "<=", ">", "<", "=" })
        {
            if (token.StartsWith(op, StringComparison.Ordinal))
            {
                if (!SemanticVersion.TryParse(token.Substring(op.Length), out var bound))
                {
                    return false;
                }

                comparators.Add((op, bound));
                return true;
            }
        }

        var parts = token.Split('.');
        var wildcard = Array.FindIndex(parts, p => p is "x" or "X" or "*");
        if (wildcard < 0)
        {
            if (!SemanticVersion.TryParse(token, out var exact))
            {
                return false;
            }

            comparators.Add(("=", exact));
            return true;
        }

        // 1.x means >=1.0.0 <2.0.0; 1.2.x means >=1.2.0 <1.3.0.
        if (wildcard == 0)
        {
            return true;
        }

        var numbers = new int[2];
        for (var i = 0; i < wildcard; i++)
        {
            if (!int.TryParse(parts[i], out numbers[i]))
            {
                return false;
            }
        }

        comparators.Add((">=", new SemanticVersion(numbers[0], wildcard > 1 ? numbers[1] : 0, 0)));
        comparators.Add(("<", wildcard == 1 ? new SemanticVersion(numbers[0] + 1, 0, 0) : new SemanticVersion(numbers[0], numbers[1] + 1, 0)));
        return true;
    }

    public override string ToString() => Text;
}
