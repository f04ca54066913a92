using System;
using System.Collections.Generic;
using System.Linq;
using PolicyKit.Policies.Evaluation;
using PolicyKit.Policies.Exceptions;
using PolicyKit.Policies.Rules;

namespace PolicyKit.Policies.Reports.Exceptions;

/// <summary>
/// The exception register auditors read: every exception record with its status, the findings it waives today, its
/// problems and its history, plus a summary. Built from a run's result, so the register and the gate never disagree.
/// </summary>
public sealed class ExceptionRegister
{
    private ExceptionRegister(EvaluationResult result, IReadOnlyList<ExceptionEntry> entries, IReadOnlyList<EntryProblem> fileProblems, AuditTrail auditTrail)
    {
        var review = result.Exceptions;
        GeneratedAt = review.Now;
        Today = review.Today;
        PolicySource = result.Config.SourcePath;
        Directory = review.Directory;
        DirectoryExists = review.DirectoryExists;
        FileCount = review.Files.Count;
        Settings = review.Settings;
        Packs = result.Packs;
        Entries = entries;
        FileProblems = fileProblems;
        AuditTrail = auditTrail;
        Summary = new ExceptionSummary(entries, result.SuppressedCount);
    }

    /// <summary>The instant the register describes (<c>--now</c>, or the clock).</summary>
    public DateTimeOffset GeneratedAt { get; }

    /// <summary>The UTC day days remaining and ages are counted from.</summary>
    public DateTime Today { get; }

    /// <summary>The policy file, or null for the built-in defaults.</summary>
    public string? PolicySource { get; }

    /// <summary>The exceptions folder as reports name it; null when the policy has none.</summary>
    public string? Directory { get; }

    public bool DirectoryExists { get; }

    public int FileCount { get; }

    public ExceptionSettings Settings { get; }

    /// <summary>The packs that judged the run (the exceptions pack among them when records exist).</summary>
    public IReadOnlyList<RulePack> Packs { get; }

    /// <summary>One entry per record, by id (records without an id last, in file order).</summary>
    public IReadOnlyList<ExceptionEntry> Entries { get; }

    /// <summary>Problems of exception files that belong to no record.</summary>
    public IReadOnlyList<EntryProblem> FileProblems { get; }

    public AuditTrail AuditTrail { get; }

    public ExceptionSummary Summary { get; }

    /// <summary>The limits records are held to: <c>critical 30 days, high 90, medium 180, low 365, info 365</c>.</summary>
    public string Limits =>
        string.Join(", ", new[] { Severity.Critical, Severity.High, Severity.Medium, Severity.Low, Severity.Info }
            .Select((s, i) => $"{s.ToName()} {Settings.MaxDays(s)}{(i == 0 ? " days" : string.Empty)}"));

    public static ExceptionRegister From(EvaluationResult result, AuditTrail auditTrail)
    {
        var review = result.Exceptions;
        // Auditors look exceptions up by id; records without one follow, in file order.
        var entries = review.Outcomes
            .OrderBy(o => o.Record.Id is null ? 1 : 0)
            .ThenBy(o => o.Record.Id ?? string.Empty, StringComparer.OrdinalIgnoreCase)
            .ThenBy(o => o.Record.File, StringComparer.Ordinal)
            .ThenBy(o => o.Record.Position)
            .Select(o => new ExceptionEntry(
                o,
                o.Waived.Select(Waived).ToList(),
                o.Problems.Select(p => Problem(p, review)).ToList(),
                auditTrail.For(o.Record.File)))
            .ToList();
        return new ExceptionRegister(result, entries, review.FileProblems.Select(p => Problem(p, review)).ToList(), auditTrail);
    }

    private static WaivedFinding Waived(Finding finding) => new(
        finding.RuleId,
        finding.Severity.ToName(),
        finding.Resource?.ToString() ?? finding.File,
        finding.File,
        finding.Line,
        finding.Column,
        finding.Fingerprint,
        finding.Environment,
        finding.Suppression?.ExceptionId);

    private static EntryProblem Problem(ExceptionProblem problem, ExceptionReview review)
    {
        review.ProblemRules.TryGetValue(problem.Kind, out var rule);
        return new EntryProblem(rule?.Id, problem.Kind.ToRuleValue(), rule?.Title ?? problem.Kind.ToRuleValue(), problem.Detail, problem.File, problem.Line, problem.Column);
    }
}
