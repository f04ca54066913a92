using System.IO;
using System.Linq;
using PolicyKit.Policies.Diff;
using PolicyKit.Policies.Diff.Governance;
using PolicyKit.Policies.Loading;
using PolicyKit.Policies.Rules;
using PolicyKit.Policies.Tests.Exceptions;

namespace PolicyKit.Policies.Tests.Diff;

/// <summary>Classification by fingerprint, and the governance comparison where examples cannot reach.</summary>
public sealed class FindingComparisonTests
{
    private const string Pod = "apiVersion: v1\nkind: Pod\nmetadata: {name: web, namespace: shop}\nspec:\n  containers:\n    - {name: web, image: odoo:17.0, securityContext: {privileged: true}}\n";

    [Fact]
    public void A_second_copy_of_a_fingerprint_is_new_and_a_lost_copy_is_fixed()
    {
        var once = Evaluate.Text(Pod, "a.yaml");
        var twice = Evaluate.Sources(ManifestSource.FromText("a.yaml", Pod), ManifestSource.FromText("b.yaml", Pod));

        var grown = FindingComparison.Compare(twice.Findings, once.Findings.Select(RecordedFinding.From).ToList());
        var shrunk = FindingComparison.Compare(once.Findings, twice.Findings.Select(RecordedFinding.From).ToList());

        Assert.Equal((once.Findings.Count, once.Findings.Count, 0), (grown.New.Count, grown.Existing.Count, grown.Fixed.Count));
        Assert.Equal((0, once.Findings.Count, once.Findings.Count), (shrunk.New.Count, shrunk.Existing.Count, shrunk.Fixed.Count));
        Assert.All(grown.New, f => Assert.Equal("b.yaml", f.File));
        Assert.All(shrunk.Fixed, f => Assert.Equal("b.yaml", f.File));
    }

    [Fact]
    public void A_finding_in_another_namespace_is_new_even_with_the_same_rule_and_field()
    {
        var before = Evaluate.Text(Pod);
        var after = Evaluate.Text(Pod.Replace("namespace: shop", "namespace: shop-eu"));

        var comparison = FindingComparison.Compare(after.Findings, before.Findings.Select(RecordedFinding.From).ToList());

        Assert.Empty(comparison.Existing);
        Assert.Equal(before.Findings.Count, comparison.Fixed.Count);
    }

    [Fact]
    public void Pinning_a_pack_to_an_older_released_version_is_a_governance_change_at_the_version()
    {
        using var folder = new TempFolder();
        folder.Write("packs/core/pack.yaml", "name: core\nversion: 0.9.0\ndescription: An older core.\ndocsBaseUri: https://example.com/rules/\nchangelog:\n  - version: 0.9.0\n    changes: [First release.]\n");
        folder.Write("packs/core/PK1099.yaml", File.ReadAllText(Directory.GetFiles(PolicyKit.Testing.RepositoryPaths.Combine("rules", "core"), "PK1002-*.yaml").Single()).Replace("since: 1.0.0", "since: 0.9.0").Replace("id: PK1002", "id: PK1099"));
        var catalog = RuleCatalog.BuiltIn.WithPacksFrom(Path.Combine(folder.Path, "packs"));

        var changes = GovernanceComparer.Compare(
            PolicySnapshot.Read(ManifestSource.FromText("policykit.yaml", "packs:\n  - { name: core, version: \"^1.0\" }\n"), System.Array.Empty<ManifestSource>()),
            PolicySnapshot.Read(ManifestSource.FromText("policykit.yaml", "packs:\n  - { name: core, version: \"0.9.0\" }\n"), System.Array.Empty<ManifestSource>()),
            catalog);

        var change = Assert.Single(changes);
        Assert.Equal((GovernanceChangeKind.PackPinnedOlder, "1.1.0", "0.9.0", 2, 28), (change.Kind, change.Before, change.After, change.Line, change.Column));
    }

    [Fact]
    public void Tightening_the_policy_is_no_governance_change()
    {
        var changes = GovernanceComparer.Compare(
            PolicySnapshot.Read(ManifestSource.FromText("policykit.yaml", "failOn: high\nrules:\n  PK1005: { severity: low }\nexclude: [\"charts/**\"]\n"), System.Array.Empty<ManifestSource>()),
            PolicySnapshot.Read(ManifestSource.FromText("policykit.yaml", "failOn: medium\nrules:\n  PK1005: { severity: high }\nexclude: []\n"), System.Array.Empty<ManifestSource>()),
            RuleCatalog.BuiltIn);

        Assert.Empty(changes);
    }
}
