using System;
using System.Collections.Generic;
using PolicyKit.Policies.Checks.PodSecurity;
using PolicyKit.Policies.Configuration;
using PolicyKit.Policies.Evaluation;
using PolicyKit.Policies.Loading;

namespace PolicyKit.Analyzers.Engine;

/// <summary>
/// Runs the engine on text the compiler already holds, with no file system access: the built-in policy, no exception
/// records, one file at a time (the compiler parallelises across files), and a fixed instant so the result depends on the
/// input alone.
/// </summary>
internal static class EngineRunner
{
    /// <summary>The instant handed to the engine; nothing the analyzer reports depends on it (see <see cref="EngineRules"/>).</summary>
    private static readonly DateTimeOffset FixedInstant = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <param name="categories">Only rules of these categories run (input problems always do); empty means all.</param>
    public static IReadOnlyList<Finding> Evaluate(string path, string text, PodSecuritySettings? podSecurity = null, IReadOnlyCollection<string>? categories = null)
    {
        var root = System.IO.Path.GetDirectoryName(path) ?? string.Empty;
        var request = new EvaluationRequest(new[] { ManifestSource.FromText(path, text) }, PolicyConfig.Defaults(root))
        {
            ExceptionSources = Array.Empty<ManifestSource>(),
            Now = FixedInstant,
            MaxParallelism = 1,
            PodSecurity = podSecurity,
            Categories = categories ?? Array.Empty<string>(),
        };

        var findings = new List<Finding>();
        foreach (var finding in PolicyEngine.Evaluate(request).Findings)
        {
            if (EngineRules.IsReported(finding.RuleId))
            {
                findings.Add(finding);
            }
        }

        return findings;
    }
}
