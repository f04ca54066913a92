using System.Collections.Generic;
using PolicyKit.Policies.Evaluation;

namespace PolicyKit.Policies.Exceptions;

/// <summary>One exception record after a run: its status, the findings it waives and the problems found with it.</summary>
public sealed class ExceptionOutcome
{
    internal ExceptionOutcome(ExceptionRecord record, ExceptionStatus status, int? daysRemaining, int? ageDays, IReadOnlyList<Finding> waived, IReadOnlyList<ExceptionProblem> problems, bool judgedForUse)
    {
        Record = record;
        Status = status;
        DaysRemaining = daysRemaining;
        AgeDays = ageDays;
        Waived = waived;
        Problems = problems;
        JudgedForUse = judgedForUse;
    }

    public ExceptionRecord Record { get; }

    public ExceptionStatus Status { get; }

    /// <summary>Days from the evaluation day to the expiry day: 0 on the expiry day itself, negative once expired.</summary>
    public int? DaysRemaining { get; }

    /// <summary>Days since the record was created.</summary>
    public int? AgeDays { get; }

    /// <summary>
    /// The findings the record matches, in report order. For an active or expiring record these are waived; each names
    /// the first matching record (by file and position) as its suppression.
    /// </summary>
    public IReadOnlyList<Finding> Waived { get; }

    /// <summary>Every problem with the record, including its state (expired, expiring, unused).</summary>
    public IReadOnlyList<ExceptionProblem> Problems { get; }

    /// <summary>
    /// Whether every rule the record waives ran, so "no finding matched" means unused. A rule left out by
    /// <c>--category</c> or by the pack selection leaves the question open.
    /// </summary>
    public bool JudgedForUse { get; }
}
