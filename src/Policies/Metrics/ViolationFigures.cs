using System.Collections.Generic;
using System.Linq;
using PolicyKit.Policies.Rules;

namespace PolicyKit.Policies.Metrics;

/// <summary>Policy violations of one release in one environment (or <c>all</c> of them), with new and fixed findings.</summary>
public sealed class ViolationFigures
{
    public const string AllEnvironments = "all";

    public ViolationFigures(string environment, IReadOnlyList<FindingFact> findings, int resources, IReadOnlyList<FindingFact> previous, bool hasPrevious)
    {
        Environment = environment;
        Findings = findings.Count;
        Blocking = findings.Count(f => f.Blocking);
        Suppressed = findings.Count(f => f.Suppressed);
        Resources = resources;
        BySeverity = SeverityOrder.ToDictionary(s => s.ToName(), s => findings.Count(f => f.Severity == s));
        ByCategory = Count(findings.Select(f => f.Category));
        ByRule = Count(findings.Select(f => f.RuleId));
        var before = new HashSet<string>(previous.Select(f => f.Fingerprint));
        var now = new HashSet<string>(findings.Select(f => f.Fingerprint));
        New = hasPrevious ? findings.Where(f => !before.Contains(f.Fingerprint)).ToList() : new List<FindingFact>();
        Fixed = hasPrevious ? previous.Where(f => !now.Contains(f.Fingerprint)).ToList() : new List<FindingFact>();
    }

    private static readonly Severity[] SeverityOrder = { Severity.Critical, Severity.High, Severity.Medium, Severity.Low, Severity.Info };

    public string Environment { get; }

    public int Findings { get; }

    public int Blocking { get; }

    public int Suppressed { get; }

    public int Resources { get; }

    /// <summary>Findings per 100 resources, two decimals; null when there are no resources.</summary>
    public double? Per100Resources => Resources == 0 ? null : System.Math.Round(Findings * 100.0 / Resources, 2);

    public IReadOnlyDictionary<string, int> BySeverity { get; }

    public IReadOnlyDictionary<string, int> ByCategory { get; }

    public IReadOnlyDictionary<string, int> ByRule { get; }

    /// <summary>Findings whose fingerprint the previous release did not have (none for the first release).</summary>
    public IReadOnlyList<FindingFact> New { get; }

    /// <summary>Findings of the previous release whose fingerprint this release no longer has.</summary>
    public IReadOnlyList<FindingFact> Fixed { get; }

    private static IReadOnlyDictionary<string, int> Count(IEnumerable<string> keys) =>
        new SortedDictionary<string, int>(keys.GroupBy(k => k).ToDictionary(g => g.Key, g => g.Count()), System.StringComparer.Ordinal);
}
