using System.Collections.Generic;
using System.Linq;
using PolicyKit.Policies.Configuration;
using PolicyKit.Policies.Evaluation;
using PolicyKit.Policies.Loading;

namespace PolicyKit.Policies.Tests;

/// <summary>Runs the engine over in-memory manifests with the built-in defaults, the way the doors do.</summary>
internal static class Evaluate
{
    public static EvaluationResult Text(string manifest, string fileName = "manifest.yaml") =>
        Sources(ManifestSource.FromText(fileName, manifest));

    public static EvaluationResult Sources(params ManifestSource[] sources) =>
        PolicyEngine.Evaluate(new EvaluationRequest(sources, PolicyConfig.Defaults("/")));

    public static IReadOnlyList<Finding> Findings(string manifest, string ruleId) =>
        Text(manifest).Findings.Where(f => f.RuleId == ruleId).ToList();
}
