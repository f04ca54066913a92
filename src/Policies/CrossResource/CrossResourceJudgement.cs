using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
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

        // Rules are independent readers of one index: judged in parallel, each into its own list, and joined in rule order
        // so the findings come out in the same sequence whatever the thread timing.
        var index = new CrossResourceIndex(factsPerFile);
        var ordered = crossResource.OrderBy(r => r.Id, StringComparer.Ordinal).ToList();
        var perRule = new List<Evaluation.Finding>[ordered.Count];
        Parallel.For(0, ordered.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            perRule[i] = new List<Evaluation.Finding>();
            var sink = new CrossResourceSink(perRule[i], new EvaluationContext(config) { Now = now });
            sink.Aim(ordered[i]);
            ((CrossResourceCheck)ordered[i].Check).Judge(index, sink);
        });

        foreach (var ruleFindings in perRule)
        {
            findings.AddRange(ruleFindings);
        }

        return findings;
    }
}
