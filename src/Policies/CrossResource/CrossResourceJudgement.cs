using System;
using System.Collections.Generic;
using System.Linq;
using PolicyKit.Policies.Checks;
using PolicyKit.Policies.Configuration;
using PolicyKit.Policies.Rules;

namespace PolicyKit.Policies.CrossResource;

/// <summary>
/// Phase 3 of an evaluation (DESIGN.md): once every file has streamed, every cross-resource rule is judged once over
/// the index of all files' facts. Its findings are never stored with a file's outcome, because they depend on other
/// files: a run that reuses an unchanged file's outcome still takes that file's facts into the index and judges again.
/// </summary>
internal static class CrossResourceJudgement
{
    public static bool AnyIn(IEnumerable<Rule> rules) => rules.Any(r => r.Check is CrossResourceCheck);

    public static List<Evaluation.Finding> Judge(IEnumerable<Rule> rules, IEnumerable<IReadOnlyList<ResourceFact>> factsPerFile, PolicyConfig config, DateTimeOffset now)
    {
        var findings = new List<Evaluation.Finding>();
        var crossResource = rules.Where(r => r.Check is CrossResourceCheck).ToList();
        if (crossResource.Count == 0)
        {
            return findings;
        }

        var index = new CrossResourceIndex(factsPerFile);
        var sink = new CrossResourceSink(findings, new EvaluationContext(config) { Now = now });
        foreach (var rule in crossResource.OrderBy(r => r.Id, StringComparer.Ordinal))
        {
            sink.Aim(rule);
            ((CrossResourceCheck)rule.Check).Judge(index, sink);
        }

        return findings;
    }
}
