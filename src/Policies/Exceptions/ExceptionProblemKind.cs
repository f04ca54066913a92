namespace PolicyKit.Policies.Exceptions;

/// <summary>What is wrong with an exception record, or what its state asks for; each kind is judged by an <c>exception-record</c> rule.</summary>
public enum ExceptionProblemKind
{
    MissingField,
    Malformed,
    UnknownRule,
    MalformedDate,
    SelfApproved,
    DurationExceeded,
    UnboundedScope,
    DuplicateId,
    Expired,
    Expiring,
    Unused,
}

public static class ExceptionProblemKinds
{
    public static string ToRuleValue(this ExceptionProblemKind kind) => kind switch
    {
        ExceptionProblemKind.MissingField => "missing-field",
        ExceptionProblemKind.Malformed => "malformed",
        ExceptionProblemKind.UnknownRule => "unknown-rule",
        ExceptionProblemKind.MalformedDate => "malformed-date",
        ExceptionProblemKind.SelfApproved => "self-approved",
        ExceptionProblemKind.DurationExceeded => "duration-exceeded",
        ExceptionProblemKind.UnboundedScope => "unbounded-scope",
        ExceptionProblemKind.DuplicateId => "duplicate-id",
        ExceptionProblemKind.Expired => "expired",
        ExceptionProblemKind.Expiring => "expiring",
        _ => "unused",
    };

    /// <summary>Whether the problem makes the record invalid (it then waives nothing), rather than describing its state.</summary>
    public static bool Invalidates(this ExceptionProblemKind kind) =>
        kind is not (ExceptionProblemKind.Expired or ExceptionProblemKind.Expiring or ExceptionProblemKind.Unused);

    public static bool TryParse(string value, out ExceptionProblemKind kind)
    {
        foreach (ExceptionProblemKind candidate in System.Enum.GetValues(typeof(ExceptionProblemKind)))
        {
            if (candidate.ToRuleValue() == value)
            {
                kind = candidate;
                return true;
            }
        }

        kind = default;
        return false;
    }
}
