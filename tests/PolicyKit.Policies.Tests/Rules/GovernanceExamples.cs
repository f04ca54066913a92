using System.Collections.Generic;
using System.Linq;
using PolicyKit.Policies.Diff.Governance;
using PolicyKit.Policies.Evaluation;
using PolicyKit.Policies.Loading;
using PolicyKit.Policies.Rules;
using PolicyKit.Policies.Yaml;

namespace PolicyKit.Policies.Tests.Rules;

/// <summary>
/// Runs a governance rule's example: a <c>base</c> and a <c>head</c> map from repository path to file content
/// (<c>policykit.yaml</c> and exception files), compared as <c>check --base</c> compares them.
/// </summary>
internal static class GovernanceExamples
{
    public static IReadOnlyList<Finding> Findings(string manifest)
    {
        var loaded = ManifestLoader.Load(ManifestSource.FromText("example.yaml", manifest), LoaderLimits.Default);
        var root = (MappingNode)loaded.Documents[0].Root!;
        var before = Side(root.GetMapping("base")!);
        var after = Side(root.GetMapping("head")!);
        var changes = GovernanceComparer.Compare(before, after, RuleCatalog.BuiltIn);
        var pack = RuleCatalog.BuiltIn.Packs.Single(p => p.Name == GovernancePack.Name);
        return GovernanceFindings.From(changes, pack, Severity.High, advisory: false);
    }

    private static PolicySnapshot Side(MappingNode files)
    {
        ManifestSource? policy = null;
        var exceptions = new List<ManifestSource>();
        foreach (var entry in files.Entries)
        {
            var source = ManifestSource.FromText(entry.Key.Value, ((ScalarNode)entry.Value).Value);
            if (entry.Key.Value == "policykit.yaml")
            {
                policy = source;
            }
            else
            {
                exceptions.Add(source);
            }
        }

        return PolicySnapshot.Read(policy, exceptions);
    }
}
