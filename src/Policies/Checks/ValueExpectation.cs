using PolicyKit.Policies.Yaml;

namespace PolicyKit.Policies.Checks;

/// <summary>What a field must (or must not) be, and whether leaving it unset is a failure.</summary>
public sealed class ValueExpectation
{
    public ValueExpectation(ScalarNode value, bool mustEqual, bool absentFails)
    {
        Value = value;
        MustEqual = mustEqual;
        AbsentFails = absentFails;
    }

    public ScalarNode Value { get; }

    public bool MustEqual { get; }

    public bool AbsentFails { get; }

    /// <summary>Whether a present value breaks the expectation. Non-scalar values never equal a scalar.</summary>
    public bool IsViolatedBy(YamlNode actual)
    {
        var equal = actual is ScalarNode scalar && scalar.Denotes(Value);
        return MustEqual ? !equal : equal;
    }

    public static bool IsAbsent(YamlNode? node) => node is null || node is ScalarNode { IsNull: true };
}
