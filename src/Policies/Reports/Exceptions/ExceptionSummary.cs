using System;
using System.Collections.Generic;
using System.Linq;
using PolicyKit.Policies.Exceptions;

namespace PolicyKit.Policies.Reports.Exceptions;

/// <summary>
/// The register's summary: how many exceptions are in each state, which rules, owners and environments they concern,
/// how old they are, and how many were created each month (the exception frequency auditors track).
/// </summary>
public sealed class ExceptionSummary
{
    /// <summary>The age bands of the age chart, in days (upper bound inclusive; the last band is open).</summary>
    public static readonly IReadOnlyList<(string Label, int UpTo)> AgeBands = new[]
    {
        ("0–30 days", 30), ("31–90 days", 90), ("91–180 days", 180), ("181–365 days", 365), ("over 365 days", int.MaxValue),
    };

    internal ExceptionSummary(IReadOnlyList<ExceptionEntry> entries, int waivedFindings)
    {
        Total = entries.Count;
        WaivedFindings = waivedFindings;
        ByStatus = ExceptionStatuses.All.Select(s => new KeyValuePair<ExceptionStatus, int>(s, entries.Count(e => e.Status == s))).ToList();
        ByRule = Count(entries.SelectMany(e => e.Rules.Distinct(StringComparer.Ordinal)));
        ByOwner = Count(entries.Select(e => e.Owner ?? "(no owner)"));
        ByEnvironment = Count(entries.SelectMany(e => e.ScopeParts.Count == 0
            ? new[] { "(no valid scope)" }
            : e.Environments.Count == 0 ? new[] { "(every environment)" } : e.Environments.Distinct(StringComparer.Ordinal)));
        CreatedPerMonth = Count(entries.Where(e => e.CreatedMonth is not null).Select(e => e.CreatedMonth!));
        var ages = entries.Where(e => e.AgeDays is >= 0).Select(e => e.AgeDays!.Value).ToList();
        AgedEntries = ages.Count;
        MeanAgeDays = ages.Count == 0 ? null : Math.Round(ages.Average(), 1, MidpointRounding.AwayFromZero);
        MaxAgeDays = ages.Count == 0 ? null : ages.Max();
        ByAge = AgeBands.Select((band, i) => new KeyValuePair<string, int>(
            band.Label,
            ages.Count(a => a <= band.UpTo && (i == 0 || a > AgeBands[i - 1].UpTo)))).ToList();
    }

    public int Total { get; }

    /// <summary>Findings that an exception waives in this run.</summary>
    public int WaivedFindings { get; }

    /// <summary>Every status, in report order, with its count (zero included).</summary>
    public IReadOnlyList<KeyValuePair<ExceptionStatus, int>> ByStatus { get; }

    /// <summary>Exceptions per rule as written (a wildcard counts as itself), by rule.</summary>
    public IReadOnlyList<KeyValuePair<string, int>> ByRule { get; }

    public IReadOnlyList<KeyValuePair<string, int>> ByOwner { get; }

    /// <summary>Exceptions per environment pattern of their scope; a scope without environments counts as every environment.</summary>
    public IReadOnlyList<KeyValuePair<string, int>> ByEnvironment { get; }

    /// <summary>Exceptions created per month (<c>2026-11</c>), oldest first.</summary>
    public IReadOnlyList<KeyValuePair<string, int>> CreatedPerMonth { get; }

    /// <summary>Exceptions per age band (<see cref="AgeBands"/>).</summary>
    public IReadOnlyList<KeyValuePair<string, int>> ByAge { get; }

    /// <summary>How many exceptions have a valid creation day, which age is counted from.</summary>
    public int AgedEntries { get; }

    /// <summary>Mean age in days, rounded to one decimal.</summary>
    public double? MeanAgeDays { get; }

    public int? MaxAgeDays { get; }

    private static IReadOnlyList<KeyValuePair<string, int>> Count(IEnumerable<string> keys) =>
        keys.GroupBy(k => k, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new KeyValuePair<string, int>(g.Key, g.Count()))
            .ToList();
}
