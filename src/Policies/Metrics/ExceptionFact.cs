using System;
using System.Collections.Generic;
using PolicyKit.Policies.Exceptions;

namespace PolicyKit.Policies.Metrics;

/// <summary>One exception record as it stood at a release: identity, people, dates, rules and status on the release day.</summary>
public sealed record ExceptionFact(
    string Id,
    string File,
    string? Owner,
    string? Approver,
    DateTime? Created,
    DateTime? Expires,
    IReadOnlyList<string> Rules,
    ExceptionStatus Status,
    int Waived)
{
    /// <summary>Valid and in force on the release day (active, expiring or unused).</summary>
    public bool InForce => Status is ExceptionStatus.Active or ExceptionStatus.Expiring or ExceptionStatus.Unused;

    /// <summary>Days granted, from creation to expiry inclusive; null when either date is missing.</summary>
    public int? GrantedDays => Created is { } created && Expires is { } expires ? (int)(expires - created).TotalDays + 1 : null;
}
