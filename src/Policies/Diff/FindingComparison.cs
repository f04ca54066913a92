using System;
using System.Collections.Generic;
using System.Linq;
using PolicyKit.Policies.Evaluation;

namespace PolicyKit.Policies.Diff;

/// <summary>
/// The findings of a later state classified against an earlier one by fingerprint: a finding whose fingerprint the
/// earlier state also had is <see cref="FindingChange.Existing"/>, wherever it moved; one it did not have is
/// <see cref="FindingChange.New"/>; an earlier fingerprint the later state lacks is <see cref="FindingChange.Fixed"/>.
/// Fingerprints that occur several times are matched by count, so a second copy of a finding is new.
/// </summary>
public sealed class FindingComparison
{
    private readonly Dictionary<Finding, FindingChange> changes;

    private FindingComparison(Dictionary<Finding, FindingChange> changes, IReadOnlyList<Finding> current, IReadOnlyList<RecordedFinding> fixedFindings)
    {
        this.changes = changes;
        New = current.Where(f => changes[f] == FindingChange.New).ToList();
        Existing = current.Where(f => changes[f] == FindingChange.Existing).ToList();
        Fixed = fixedFindings;
    }

    /// <summary>Findings the change introduced, in report order.</summary>
    public IReadOnlyList<Finding> New { get; }

    /// <summary>Findings that were there before, in report order.</summary>
    public IReadOnlyList<Finding> Existing { get; }

    /// <summary>Earlier findings the change removed, sorted by file, line, column and rule.</summary>
    public IReadOnlyList<RecordedFinding> Fixed { get; }

    /// <summary>New findings that block: the ones a pull-request gate fails on by default.</summary>
    public IEnumerable<Finding> NewBlocking => New.Where(f => f.Blocking);

    public static FindingComparison Compare(IReadOnlyList<Finding> current, IReadOnlyList<RecordedFinding> earlier)
    {
        var remaining = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var finding in earlier)
        {
            remaining[finding.Fingerprint] = remaining.TryGetValue(finding.Fingerprint, out var count) ? count + 1 : 1;
        }

        var changes = new Dictionary<Finding, FindingChange>();
        foreach (var finding in current)
        {
            if (remaining.TryGetValue(finding.Fingerprint, out var count) && count > 0)
            {
                remaining[finding.Fingerprint] = count - 1;
                changes[finding] = FindingChange.Existing;
            }
            else
            {
                changes[finding] = FindingChange.New;
            }
        }

        // The last copies of a fingerprint are the fixed ones, the way the first copies are the existing ones.
        var fixedFindings = new List<RecordedFinding>();
        foreach (var group in earlier.GroupBy(f => f.Fingerprint, StringComparer.Ordinal))
        {
            var left = remaining[group.Key];
            fixedFindings.AddRange(group.Skip(group.Count() - left));
        }

        fixedFindings.Sort((a, b) =>
        {
            var order = string.CompareOrdinal(a.File, b.File);
            if (order == 0) order = a.Line.CompareTo(b.Line);
            if (order == 0) order = a.Column.CompareTo(b.Column);
            if (order == 0) order = string.CompareOrdinal(a.RuleId, b.RuleId);
            if (order == 0) order = string.CompareOrdinal(a.Fingerprint, b.Fingerprint);
            return order;
        });
        return new FindingComparison(changes, current, fixedFindings);
    }

    /// <summary>How <paramref name="finding"/> (one of the later state's findings) relates to the earlier state.</summary>
    public FindingChange ChangeOf(Finding finding) => changes[finding];
}
