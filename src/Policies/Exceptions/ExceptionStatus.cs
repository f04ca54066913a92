namespace PolicyKit.Policies.Exceptions;

/// <summary>Where an exception record stands on the evaluation day, as the exception register reports it.</summary>
public enum ExceptionStatus
{
    /// <summary>Valid, in force, and waiving at least one finding (or not judgeable as unused in this run).</summary>
    Active,

    /// <summary>Valid and in force, but its expiry date is within the warning window.</summary>
    Expiring,

    /// <summary>Valid but past its expiry date: it waives nothing.</summary>
    Expired,

    /// <summary>The record has a problem (missing field, self-approval, too long…): it waives nothing.</summary>
    Invalid,

    /// <summary>Valid and in force, but no finding matches it: stale, it should be removed.</summary>
    Unused,
}

public static class ExceptionStatuses
{
    /// <summary>Every status in report order.</summary>
    public static readonly ExceptionStatus[] All =
    {
        ExceptionStatus.Active, ExceptionStatus.Expiring, ExceptionStatus.Expired, ExceptionStatus.Invalid, ExceptionStatus.Unused,
    };

    public static string ToName(this ExceptionStatus status) => status switch
    {
        ExceptionStatus.Active => "active",
        ExceptionStatus.Expiring => "expiring",
        ExceptionStatus.Expired => "expired",
        ExceptionStatus.Invalid => "invalid",
        _ => "unused",
    };
}
