using System.Collections.Generic;
using PolicyKit.Policies.Configuration;
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

    /// <summary>Images deployed, pinned, required, verified, signed by allowed signers and SLSA-compliant, per environment.</summary>
    public Provenance.ProvenanceSummary Provenance { get; internal init; } = Policies.Provenance.ProvenanceSummary.Empty;

    public bool Passed => BlockingCount == 0;

    public int Count(Severity severity) => CountsBySeverity[(int)severity];

    /// <summary>The threshold given on the command line, which replaced every threshold of the policy; null when none was.</summary>
    public ThresholdOverride? FailOnOverride { get; internal set; }

    /// <summary>The threshold that actually applied where the policy configured <paramref name="configured"/>.</summary>
    public Severity? EffectiveFailOn(Severity? configured) => FailOnOverride is { } given ? given.Threshold : configured;

    private IReadOnlyList<int> CountsBySeverity { get; }
}
