using System;
using System.Collections.Generic;
using System.Linq;

namespace PolicyKit.Policies.Exceptions;

/// <summary>One <c>matchExpressions</c> entry.</summary>
public sealed class LabelRequirement
{
    public static readonly IReadOnlyList<string> Operators = new[] { "In", "NotIn", "Exists", "DoesNotExist" };

    public LabelRequirement(string key, string @operator, IReadOnlyList<string> values)
    {
        Key = key;
        Operator = @operator;
        Values = values;
    }

    public string Key { get; }

    /// <summary><c>In</c>, <c>NotIn</c>, <c>Exists</c> or <c>DoesNotExist</c>.</summary>
    public string Operator { get; }

    public IReadOnlyList<string> Values { get; }

    public bool Matches(IReadOnlyDictionary<string, string> labels)
    {
        var present = labels.TryGetValue(Key, out var value);
        return Operator switch
        {
            "In" => present && Values.Contains(value!, StringComparer.Ordinal),
            "NotIn" => !present || !Values.Contains(value!, StringComparer.Ordinal),
            "Exists" => present,
            _ => !present,
        };
    }

    public override string ToString() => Operator switch
    {
        "In" => $"{Key} in ({string.Join(",", Values)})",
        "NotIn" => $"{Key} notin ({string.Join(",", Values)})",
        "Exists" => Key,
        _ => "!" + Key,
    };
}
