using System;
using System.Collections.Generic;
using System.Linq;
using PolicyKit.Policies.Configuration;
using PolicyKit.Policies.Evaluation;
using PolicyKit.Policies.Loading;

namespace PolicyKit.Policies.Tests.Secrets;

/// <summary>Runs the engine over in-memory text the way the doors do, with a pinned clock and no exception records.</summary>
internal static class Scan
{
    public static readonly DateTimeOffset Now = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);

    public static EvaluationResult Run(PolicyConfig config, params ManifestSource[] sources) =>
        PolicyEngine.Evaluate(new EvaluationRequest(sources, config) { Now = Now, ExceptionSources = Array.Empty<ManifestSource>() });

    public static EvaluationResult Text(string text, string fileName = "manifest.yaml") =>
        Run(PolicyConfig.Defaults("/"), ManifestSource.FromText(fileName, text));

    /// <summary>The defaults plus a <c>secrets</c> section, so that rotation is a requirement (PK3007 reports).</summary>
    public static EvaluationResult RequiringRotation(string text, string fileName = "manifest.yaml") =>
        Run(PolicyConfigLoader.FromText("secrets: { maxRotationAge: 90d, maxRefreshInterval: 24h }\n", "policykit.yaml", "/"), ManifestSource.FromText(fileName, text));

    public static IReadOnlyList<Finding> Findings(string text, string ruleId, string fileName = "manifest.yaml") =>
        Text(text, fileName).Findings.Where(f => f.RuleId == ruleId).ToList();

    public static Finding Single(string text, string ruleId, string fileName = "manifest.yaml")
    {
        var findings = Findings(text, ruleId, fileName);
        Assert.True(findings.Count == 1, $"expected one {ruleId} finding, got {findings.Count}: {string.Join("; ", findings.Select(SecretCorpus.Describe))}");
        return findings[0];
    }

    public static string Property(Finding finding, string key) => finding.Properties.Single(p => p.Key == key).Value;
}
