using System.Collections.Generic;
using System.Linq;
using PolicyKit.Policies.Configuration;
using PolicyKit.Policies.Diff.Access;
using PolicyKit.Policies.Exceptions;
using PolicyKit.Policies.Rules;
using PolicyKit.Policies.Secrets;

namespace PolicyKit.Policies.Evaluation;

/// <summary>Everything a report needs: findings in deterministic order, the packs that judged them, and counts.</summary>
public sealed class EvaluationResult
{
    internal EvaluationResult(IReadOnlyList<Finding> findings, IReadOnlyList<RulePack> packs, IReadOnlyList<Rule> rules, PolicyConfig config, int filesScanned, int resourcesEvaluated)
    {
        Findings = findings;
        Packs = packs;
        Rules = rules;
        Config = config;
        FilesScanned = filesScanned;
        ResourcesEvaluated = resourcesEvaluated;
        var counts = new int[5];
        foreach (var finding in findings)
        {
            counts[(int)finding.Severity]++;
            if (finding.Blocking)
            {
                BlockingCount++;
            }

            if (finding.Suppressed)
            {
                SuppressedCount++;
            }
        }

        CountsBySeverity = counts;
    }

    /// <summary>Sorted by file, line, column, rule id, then message, whatever the thread timing was.</summary>
    public IReadOnlyList<Finding> Findings { get; }

    /// <summary>The packs in force, by name.</summary>
    public IReadOnlyList<RulePack> Packs { get; }

    /// <summary>The rules that were in force (after category filters), by id.</summary>
    public IReadOnlyList<Rule> Rules { get; }

    public PolicyConfig Config { get; }

    public int FilesScanned { get; }

    public int ResourcesEvaluated { get; }

    public int BlockingCount { get; }

    /// <summary>Findings an exception record waives; they are counted in every other count too, but never block.</summary>
    public int SuppressedCount { get; }

    /// <summary>The run's exception records: their outcomes, the evaluation day, and the exceptions folder.</summary>
    public ExceptionReview Exceptions { get; internal init; } = ExceptionReview.None;

    /// <summary>Rotation compliance of every secret-bearing object in the input: a governance metric (docs/secrets.md).</summary>
    public SecretRotationSummary SecretRotation { get; internal init; } = SecretRotationSummary.Empty;

    /// <summary>Files that held only YAML other than Kubernetes objects (CI, compose, chart metadata): skipped, never judged.</summary>
    public IReadOnlyList<string> OtherYamlFiles { get; internal init; } = System.Array.Empty<string>();

    /// <summary>What discovery left out or rendered (ignored paths, hidden folders, overlays, charts).</summary>
    public Discovery.DiscoverySummary Discovery { get; internal init; } = PolicyKit.Policies.Discovery.DiscoverySummary.None;

    /// <summary>Images deployed, pinned, required, verified, signed by allowed signers and SLSA-compliant, per environment.</summary>
    public Provenance.ProvenanceSummary Provenance { get; internal init; } = Policies.Provenance.ProvenanceSummary.Empty;

    public bool Passed => BlockingCount == 0;

    /// <summary>The instant the run judged as of (<c>--now</c>, else the clock when it started).</summary>
    public System.DateTimeOffset EvaluatedAt { get; internal init; }

    /// <summary>How many files took their findings over from an earlier run (<see cref="EvaluationRequest.Reuse"/>) instead of being judged.</summary>
    public int FilesReused { get; internal init; }

    /// <summary>The privileges the run's resources hold, in file order; empty unless the request asked to record them.</summary>
    public IReadOnlyList<AccessFact> Access { get; internal init; } = System.Array.Empty<AccessFact>();

    /// <summary>Each file's outcome before exceptions, for a later run to reuse.</summary>
    internal IReadOnlyList<FileOutcome> Files { get; init; } = System.Array.Empty<FileOutcome>();

    /// <summary>Which file defined each namespace the run saw; reuse is safe only while these stay the same.</summary>
    internal IReadOnlyDictionary<string, string> NamespaceFiles { get; init; } = new Dictionary<string, string>();

    /// <summary>The Pod Security labels of each namespace the run saw: a later run whose namespaces carry the same labels judges pods alike.</summary>
    internal IReadOnlyDictionary<string, Checks.PodSecurity.NamespacePodSecurityLabels> NamespaceLabels { get; init; } = new Dictionary<string, Checks.PodSecurity.NamespacePodSecurityLabels>();

    public int Count(Severity severity) => CountsBySeverity[(int)severity];

    /// <summary>The threshold given on the command line, which replaced every threshold of the policy; null when none was.</summary>
    public ThresholdOverride? FailOnOverride { get; internal set; }

    /// <summary>The threshold that actually applied where the policy configured <paramref name="configured"/>.</summary>
    public Severity? EffectiveFailOn(Severity? configured) => FailOnOverride is { } given ? given.Threshold : configured;

    private IReadOnlyList<int> CountsBySeverity { get; }

    /// <summary>
    /// This result with findings about something other than the tree added (a change's governance findings) and the
    /// pack whose rules raised them, so every report names that pack and its rules.
    /// </summary>
    internal EvaluationResult With(IReadOnlyList<Finding> extra, RulePack pack)
    {
        if (extra.Count == 0)
        {
            return this;
        }

        var findings = Findings.Concat(extra).ToList();
        findings.Sort(PolicyEngine.CompareFindings);
        var packs = Packs.Any(p => p.Name == pack.Name) ? Packs : Packs.Concat(new[] { pack }).OrderBy(p => p.Name, System.StringComparer.Ordinal).ToList();
        var rules = Rules.Concat(pack.Rules.Where(r => Rules.All(known => known.Id != r.Id))).OrderBy(r => r.Id, System.StringComparer.Ordinal).ToList();
        return new EvaluationResult(findings, packs, rules, Config, FilesScanned, ResourcesEvaluated)
        {
            FailOnOverride = FailOnOverride,
            Exceptions = Exceptions,
            SecretRotation = SecretRotation,
            FilesReused = FilesReused,
            Files = Files,
            NamespaceFiles = NamespaceFiles,
            NamespaceLabels = NamespaceLabels,
            Access = Access,
            EvaluatedAt = EvaluatedAt,
        };
    }
}
