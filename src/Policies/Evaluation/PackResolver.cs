using System;
using System.Collections.Generic;
using System.Linq;
using PolicyKit.Policies.Configuration;
using PolicyKit.Policies.Rules;

namespace PolicyKit.Policies.Evaluation;

/// <summary>Chooses, for each pack a policy asks for, the newest available version inside its range.</summary>
internal static class PackResolver
{
    public static IReadOnlyList<RulePack> Resolve(RuleCatalog catalog, PolicyConfig config)
    {
        if (config.Packs.Count == 0)
        {
            // The governance pack judges a change's policy against its base; it joins only those runs (ChangeEvaluator).
            return catalog.Packs.Where(p => p.Name != Diff.Governance.GovernancePack.Name).GroupBy(p => p.Name).Select(g => g.OrderByDescending(p => p.Version).First()).ToList();
        }

        var chosen = new List<RulePack>();
        foreach (var selection in config.Packs)
        {
            var candidates = catalog.Packs.Where(p => p.Name == selection.Name).ToList();
            if (candidates.Count == 0)
            {
                throw new PolicyDefinitionException(config.SourcePath ?? "policy", 1, $"pack '{selection.Name}' is not available; available packs: {string.Join(", ", catalog.Packs.Select(p => p.Name).Distinct())}");
            }

            var pack = candidates.Where(p => selection.Versions.Contains(p.Version)).OrderByDescending(p => p.Version).FirstOrDefault()
                ?? throw new PolicyDefinitionException(config.SourcePath ?? "policy", 1, $"no version of pack '{selection.Name}' matches '{selection.Versions}'; available: {string.Join(", ", candidates.Select(p => p.Version))}");
            chosen.Add(pack);
        }

        return chosen.OrderBy(p => p.Name, StringComparer.Ordinal).ToList();
    }
}
