using System;

namespace PolicyKit.Policies.Yaml;

/// <summary>A scalar value. Plain (unquoted) scalars are resolved the way Kubernetes' YAML 1.1 decoder resolves them.</summary>
public sealed class ScalarNode : YamlNode
{
    public ScalarNode(string value, bool isPlain, int line, int column)
        : base(line, column)
    {
        Value = value;
        IsPlain = isPlain;
    }

    /// <summary>The scalar's text, unquoted and unescaped.</summary>
    public string Value { get; }

    /// <summary>True when the scalar was written without quotes, so it may be a boolean, number or null.</summary>
    public bool IsPlain { get; }

    public bool IsNull => IsPlain && (Value.Length == 0 || Value == "~" || Value == "null" || Value == "Null" || Value == "NULL");

    /// <summary>The boolean this scalar denotes, or null when it is not a boolean (quoted strings never are).</summary>
    public bool? AsBoolean()
    {
        if (!IsPlain)
        {
            return null;
        }

        switch (Value)
        {
            case "true": case "True": case "TRUE":
            case "yes": case "Yes": case "YES":
            case "on": case "On": case "ON":
            case "y": case "Y":
                return true;
            case "false": case "False": case "FALSE":
            case "no": case "No": case "NO":
            case "off": case "Off": case "OFF":
            case "n": case "N":
                return false;
            default:
                return null;
        }
    }

    /// <summary>
    /// Whether this scalar denotes the same value as <paramref name="expected"/>, a value written in a rule.
    /// Booleans compare as booleans and other values as text, so <c>privileged: yes</c> equals <c>true</c>
    /// while <c>privileged: "true"</c> does not.
    /// </summary>
    public bool Denotes(ScalarNode expected)
    {
        var expectedBoolean = expected.AsBoolean();
        if (expectedBoolean.HasValue)
        {
            return AsBoolean() == expectedBoolean;
        }

        return string.Equals(Value, expected.Value, StringComparison.Ordinal);
    }

    public override string ToString() => Value;
}
