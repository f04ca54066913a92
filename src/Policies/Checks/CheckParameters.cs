using System;
using System.Collections.Generic;
using PolicyKit.Policies.Rules;
using PolicyKit.Policies.Yaml;

namespace PolicyKit.Policies.Checks;

/// <summary>
/// A rule's <c>params</c>, read with located errors. Every parameter a check does not read is reported as unknown,
/// so a misspelt parameter fails the pack instead of silently changing what the rule means.
/// </summary>
public sealed class CheckParameters
{
    private readonly MappingNode? node;
    private readonly string file;
    private readonly int line;
    private readonly HashSet<string> used = new(StringComparer.Ordinal);

    public CheckParameters(MappingNode? node, string file, int line)
    {
        this.node = node;
        this.file = file;
        this.line = line;
    }

    public bool Has(string name) => Find(name) is not null;

    public string? GetString(string name)
    {
        var value = Find(name);
        if (value is null)
        {
            return null;
        }

        if (value is not ScalarNode scalar)
        {
            throw Error(value, $"parameter '{name}' must be a single value");
        }

        return scalar.IsNull ? null : scalar.Value;
    }

    public string GetRequiredString(string name) =>
        GetString(name) ?? throw Error(node, $"parameter '{name}' is required");

    public ScalarNode? GetScalar(string name)
    {
        var value = Find(name);
        return value switch
        {
            null => null,
            ScalarNode scalar => scalar,
            _ => throw Error(value, $"parameter '{name}' must be a single value"),
        };
    }

    public bool GetBool(string name, bool defaultValue)
    {
        var scalar = GetScalar(name);
        if (scalar is null)
        {
            return defaultValue;
        }

        return scalar.AsBoolean() ?? throw Error(scalar, $"parameter '{name}' must be true or false");
    }

    public string GetChoice(string name, IReadOnlyList<string> choices, string defaultValue)
    {
        var value = GetString(name);
        if (value is null)
        {
            return defaultValue;
        }

        foreach (var choice in choices)
        {
            if (choice == value)
            {
                return choice;
            }
        }

        throw Error(Find(name), $"parameter '{name}' must be one of {string.Join(", ", choices)}");
    }

    public IReadOnlyList<string> GetStringList(string name, IReadOnlyList<string> defaultValue)
    {
        var value = Find(name);
        if (value is null)
        {
            return defaultValue;
        }

        if (value is ScalarNode single)
        {
            return new[] { single.Value };
        }

        var list = new List<string>();
        foreach (var item in ((SequenceNode)value).Items)
        {
            list.Add(item is ScalarNode scalar ? scalar.Value : throw Error(item, $"parameter '{name}' must be a list of values"));
        }

        return list;
    }

    public IReadOnlyList<string> GetChoiceList(string name, IReadOnlyList<string> choices, IReadOnlyList<string> defaultValue)
    {
        var list = GetStringList(name, defaultValue);
        foreach (var item in list)
        {
            if (!Contains(choices, item))
            {
                throw Error(Find(name), $"parameter '{name}' accepts only {string.Join(", ", choices)}; '{item}' is not one of them");
            }
        }

        return list;
    }

    public SequenceNode? GetSequence(string name)
    {
        var value = Find(name);
        return value switch
        {
            null => null,
            SequenceNode sequence => sequence,
            _ => throw Error(value, $"parameter '{name}' must be a list"),
        };
    }

    /// <summary>Reads the <c>mustEqual</c> / <c>mustNotEqual</c> pair that comparison checks share.</summary>
    public ValueExpectation GetExpectation()
    {
        var mustEqual = GetScalar("mustEqual");
        var mustNotEqual = GetScalar("mustNotEqual");
        if ((mustEqual is null) == (mustNotEqual is null))
        {
            throw Error(node, "exactly one of 'mustEqual' and 'mustNotEqual' is required");
        }

        var whenAbsent = GetChoice("whenAbsent", new[] { "pass", "fail" }, "pass");
        return new ValueExpectation(mustEqual ?? mustNotEqual!, mustEqual is not null, whenAbsent == "fail");
    }

    public PolicyDefinitionException Error(YamlNode? at, string problem) => new(file, at?.Line ?? line, problem);

    /// <summary>Fails when the rule gave a parameter the check never read.</summary>
    public void EnsureAllRead(string checkName)
    {
        if (node is null)
        {
            return;
        }

        foreach (var entry in node.Entries)
        {
            if (!used.Contains(entry.Key.Value))
            {
                throw Error(entry.Key, $"check '{checkName}' has no parameter '{entry.Key.Value}'");
            }
        }
    }

    private YamlNode? Find(string name)
    {
        used.Add(name);
        var value = node?.Get(name);
        return value is ScalarNode { IsNull: true } ? null : value;
    }

    private static bool Contains(IReadOnlyList<string> list, string value)
    {
        foreach (var item in list)
        {
            if (item == value)
            {
                return true;
            }
        }

        return false;
    }
}
