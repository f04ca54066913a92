using System.Collections.Generic;
using System.Linq;
using PolicyKit.Policies.Exceptions;

namespace PolicyKit.Policies.Reports.Exceptions;

/// <summary>One row of the exception register: an exception record with its status, what it waives and its history.</summary>
public sealed class ExceptionEntry
{
    internal ExceptionEntry(
        ExceptionOutcome outcome,
        IReadOnlyList<WaivedFinding> waived,
        IReadOnlyList<EntryProblem> problems,
        FileHistory? history)
    {
        var record = outcome.Record;
        Id = record.DisplayName;
        HasId = record.Id is not null;
        File = record.File;
        Line = record.Line;
        Rules = record.Rules.Select(r => r.Text).ToList();
        WaivedRuleIds = record.WaivedRules.Select(r => r.Id).ToList();
        ScopeDetail = record.Scope;
        ScopeParts = record.Scope?.Describe() ?? new List<KeyValuePair<string, string>>();
        Environments = record.Scope is { } scope && scope.Environments.IsSpecified ? scope.Environments.Patterns.Select(p => p.Pattern).ToList() : new List<string>();
        Owner = record.Owner;
        Approver = record.Approver;
        Ticket = record.Ticket;
        Justification = record.Justification;
        Risk = record.Risk;
        CompensatingControls = record.CompensatingControls;
        Created = record.Created is { } created ? UtcDates.FormatDate(created) : record.Node.GetString("created");
        Expires = record.Expires is { } expires ? UtcDates.FormatDate(expires) : record.Node.GetString("expires");
        CreatedMonth = record.Created is { } month ? month.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture) : null;
        DaysRemaining = outcome.DaysRemaining;
        AgeDays = outcome.AgeDays;
        Status = outcome.Status;
        Waived = waived;
        Problems = problems;
        History = history;
    }

    /// <summary>The record's id, or <c>#N in FILE</c> when it has none.</summary>
    public string Id { get; }

    public bool HasId { get; }

    public string File { get; }

    public int Line { get; }

    public string Location => $"{File}:{Line}";

    /// <summary>The rules as written (<c>PK12*</c> stays a wildcard).</summary>
    public IReadOnlyList<string> Rules { get; }

    /// <summary>The rule ids the record waives once wildcards are expanded.</summary>
    public IReadOnlyList<string> WaivedRuleIds { get; }

    /// <summary>The scope as read (fields that were malformed are left out); null when the record has none.</summary>
    public ExceptionScope? ScopeDetail { get; }

    /// <summary>The scope's fields as text, in a fixed order: (<c>namespaces</c>, <c>odoo-acme, odoo-beta</c>).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> ScopeParts { get; }

    /// <summary><c>namespaces: odoo-acme; kinds: StatefulSet</c>, or an em dash when the record has no usable scope.</summary>
    public string Scope => ScopeParts.Count == 0 ? RegisterText.None : string.Join("; ", ScopeParts.Select(p => $"{p.Key}: {p.Value}"));

    /// <summary>The environment patterns of the scope; empty when the scope covers every environment.</summary>
    public IReadOnlyList<string> Environments { get; }

    public string? Owner { get; }

    public string? Approver { get; }

    public string? Ticket { get; }

    public string? Justification { get; }

    public string? Risk { get; }

    public IReadOnlyList<string> CompensatingControls { get; }

    /// <summary>The creation day (YYYY-MM-DD), or the text as written when it is not a date.</summary>
    public string? Created { get; }

    /// <summary>The expiry day (YYYY-MM-DD), or the text as written when it is not a date.</summary>
    public string? Expires { get; }

    /// <summary><c>2026-11</c>, when the creation day is valid.</summary>
    public string? CreatedMonth { get; }

    public int? DaysRemaining { get; }

    public int? AgeDays { get; }

    public ExceptionStatus Status { get; }

    public IReadOnlyList<WaivedFinding> Waived { get; }

    public IReadOnlyList<EntryProblem> Problems { get; }

    /// <summary>The history of the record's file; null when git did not answer.</summary>
    public FileHistory? History { get; }
}
