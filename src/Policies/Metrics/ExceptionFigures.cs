using System;
using System.Collections.Generic;
using System.Linq;

namespace PolicyKit.Policies.Metrics;

/// <summary>Exception activity of one release against the previous one (docs/metrics.md, exception frequency).</summary>
public sealed class ExceptionFigures
{
    public ExceptionFigures(IReadOnlyList<ExceptionFact> current, IReadOnlyList<ExceptionFact> previous, int findings, int waivedFindings)
    {
        var before = previous.GroupBy(e => e.Id).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        Created = current.Where(e => !before.ContainsKey(e.Id)).Select(e => e.Id).Distinct().OrderBy(i => i, StringComparer.Ordinal).ToList();
        Renewed = current.Where(e => before.TryGetValue(e.Id, out var old) && old.Expires is { } was && e.Expires is { } now && now > was)
            .Select(e => e.Id).Distinct().OrderBy(i => i, StringComparer.Ordinal).ToList();
        Expired = current.Where(e => e.Status == Exceptions.ExceptionStatus.Expired && (!before.TryGetValue(e.Id, out var old) || old.Status != Exceptions.ExceptionStatus.Expired))
            .Select(e => e.Id).Distinct().OrderBy(i => i, StringComparer.Ordinal).ToList();
        var inForce = current.Where(e => e.InForce).ToList();
        Active = inForce.Count;
        MedianGrantedDays = Statistics.Median(inForce.Where(e => e.GrantedDays is not null).Select(e => (double)e.GrantedDays!.Value));
        WaivedShare = findings == 0 ? null : Math.Round((double)waivedFindings / findings, 4);
        ByRule = new SortedDictionary<string, int>(inForce.SelectMany(e => e.Rules.Distinct()).GroupBy(r => r).ToDictionary(g => g.Key, g => g.Count()), StringComparer.Ordinal);
        ByOwner = new SortedDictionary<string, int>(inForce.GroupBy(e => e.Owner ?? "(none)").ToDictionary(g => g.Key, g => g.Count()), StringComparer.Ordinal);
    }

    /// <summary>Record ids first seen in this release.</summary>
    public IReadOnlyList<string> Created { get; }

    /// <summary>Record ids whose expiry moved later since the previous release.</summary>
    public IReadOnlyList<string> Renewed { get; }

    /// <summary>Record ids that were expired on this release's day and were not at the previous release.</summary>
    public IReadOnlyList<string> Expired { get; }

    /// <summary>Valid records in force on the release day (active, expiring or unused).</summary>
    public int Active { get; }

    public double? MedianGrantedDays { get; }

    /// <summary>Waived findings over all findings; null when there are no findings.</summary>
    public double? WaivedShare { get; }

    public IReadOnlyDictionary<string, int> ByRule { get; }

    public IReadOnlyDictionary<string, int> ByOwner { get; }
}
