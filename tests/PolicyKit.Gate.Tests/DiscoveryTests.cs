using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using Xunit;

namespace PolicyKit.Gate.Tests;

/// <summary>
/// Repository layouts (docs/discovery.md) on the fixture repository Fixtures/kustomize-repository: overlays rendered
/// with the real <c>kubectl kustomize</c> and traced back to the files a person edits, charts, and other YAML.
/// </summary>
public sealed class DiscoveryTests
{
    private const string NoKubectl = "kubectl is not installed on this machine; the kustomize rendering tests need it";

    private static (TempDirectory Folder, PolicyKitResult Run, IReadOnlyList<JsonElement> Findings) CheckFixture(params string[] extra)
    {
        var folder = FixtureRepository.Copy("kustomize-repository");
        var run = folder.Run(new[] { "check", ".", "--format", "json" }.Concat(extra).ToArray());
        Assert.True(run.ExitCode is 0 or 1, run.ToString());
        return (folder, run, JsonReport.Findings(run.StandardOutput));
    }

    private static string? Property(JsonElement finding, string name) =>
        finding.TryGetProperty("properties", out var properties) && properties.TryGetProperty(name, out var value) ? value.GetString() : null;

    private static string Rule(JsonElement finding) => finding.GetProperty("ruleId").GetString()!;

    [SkippableFact]
    public void A_field_set_by_a_strategic_merge_patch_is_reported_at_the_patch_line()
    {
        Skip.IfNot(Tools.OnPath("kubectl"), NoKubectl);
        var (folder, _, findings) = CheckFixture();
        using var _ = folder;

        var privileged = Assert.Single(findings, f => Rule(f) == "PK1007");
        Assert.Equal("overlays/staging/debug-privileged.yaml", JsonReport.File(privileged));
        Assert.Equal(folder.LineOf("overlays/staging/debug-privileged.yaml", "privileged: true"), JsonReport.Line(privileged));
        Assert.Equal("patch", Property(privileged, "sourceMapping"));
        Assert.Equal("overlays/staging", Property(privileged, "renderedFrom"));
        Assert.Equal("staging", privileged.GetProperty("environment").GetString());
    }

    [SkippableFact]
    public void A_field_set_by_a_json_6902_patch_is_reported_at_the_operation_value()
    {
        Skip.IfNot(Tools.OnPath("kubectl"), NoKubectl);
        var (folder, _, findings) = CheckFixture();
        using var _ = folder;

        var hostNetwork = Assert.Single(findings, f => Rule(f) == "PK1011");
        Assert.Equal("overlays/production/host-network.yaml", JsonReport.File(hostNetwork));
        var pathLine = folder.LineOf("overlays/production/host-network.yaml", "/spec/template/spec/hostNetwork");
        Assert.Equal(pathLine + 1, JsonReport.Line(hostNetwork));
        Assert.Equal("production", hostNetwork.GetProperty("environment").GetString());
    }

    [SkippableFact]
    public void A_base_shared_by_two_overlays_is_judged_once_per_overlay_with_distinct_fingerprints()
    {
        Skip.IfNot(Tools.OnPath("kubectl"), NoKubectl);
        var (folder, _, findings) = CheckFixture();
        using var _ = folder;

        var unpinned = findings.Where(f => Rule(f) == "PK1001").ToList();
        Assert.Equal(new[] { "overlays/production", "overlays/staging" }, unpinned.Select(f => Property(f, "renderedFrom")).OrderBy(o => o));
        Assert.All(unpinned, f => Assert.Equal("base/deployment.yaml", JsonReport.File(f)));
        Assert.All(unpinned, f => Assert.Equal(folder.LineOf("base/deployment.yaml", "image: odoo"), JsonReport.Line(f)));
        Assert.Equal(2, unpinned.Select(JsonReport.Fingerprint).Distinct().Count());
        Assert.Equal(new[] { "production", "staging" }, unpinned.Select(f => f.GetProperty("environment").GetString()).OrderBy(e => e));
    }

    [SkippableFact]
    public void A_component_patch_takes_effect_so_its_fields_are_not_reported_missing()
    {
        Skip.IfNot(Tools.OnPath("kubectl"), NoKubectl);
        var (folder, _, findings) = CheckFixture();
        using var _ = folder;

        // The hardening component sets resources in production only; staging still lacks them, at the base container.
        var missingRequests = Assert.Single(findings, f => Rule(f) == "PK1003");
        Assert.Equal("overlays/staging", Property(missingRequests, "renderedFrom"));
        Assert.Equal("base/deployment.yaml", JsonReport.File(missingRequests));
        Assert.Equal(folder.LineOf("base/deployment.yaml", "- name: odoo"), JsonReport.Line(missingRequests));
    }

    [SkippableFact]
    public void A_patch_that_only_names_a_container_does_not_take_its_findings()
    {
        Skip.IfNot(Tools.OnPath("kubectl"), NoKubectl);
        var (folder, _, findings) = CheckFixture();
        using var _ = folder;

        // The staging patch names container "odoo" to make it privileged; a missing probe is still the base's to fix.
        var noLiveness = Assert.Single(findings, f => Rule(f) == "PK1005" && Property(f, "renderedFrom") == "overlays/staging");
        Assert.Equal("base/deployment.yaml", JsonReport.File(noLiveness));
        Assert.Equal("base", Property(noLiveness, "sourceMapping"));
    }

    [SkippableFact]
    public void A_generated_resource_is_located_at_its_generator_entry_and_says_so()
    {
        Skip.IfNot(Tools.OnPath("kubectl"), NoKubectl);
        var (folder, _, findings) = CheckFixture();
        using var _ = folder;

        var credential = findings.Where(f => Rule(f) == "PK3003").ToList();
        Assert.Equal(2, credential.Count);
        Assert.All(credential, f => Assert.Equal("base/kustomization.yaml", JsonReport.File(f)));
        Assert.All(credential, f => Assert.Equal(folder.LineOf("base/kustomization.yaml", "- name: odoo-settings"), JsonReport.Line(f)));
        Assert.All(credential, f => Assert.Equal("generated", Property(f, "sourceMapping")));
    }

    [Fact]
    public void Patches_components_kustomizations_and_chart_templates_are_never_judged_as_manifests()
    {
        var (folder, run, findings) = CheckFixture();
        using var _ = folder;

        Assert.DoesNotContain(findings, f => Rule(f) is "PK0001" or "PK0002");
        Assert.DoesNotContain(findings, f => JsonReport.File(f)!.StartsWith("components/") || JsonReport.File(f)!.EndsWith("templates/deployment.yaml"));
        var discovery = JsonReport.Root(run.StandardOutput).GetProperty("summary").GetProperty("discovery");
        Assert.Equal(4, discovery.GetProperty("filesUsedByKustomizations").GetInt32());
    }

    [Fact]
    public void A_component_checked_on_its_own_is_not_built_nor_judged_as_fragments()
    {
        using var folder = FixtureRepository.Copy("kustomize-repository");

        var run = folder.Run("check", "components/hardening", "--format", "json", "--allow-empty");

        Assert.Equal(0, run.ExitCode);
        Assert.Empty(JsonReport.Findings(run.StandardOutput));
        Assert.Equal(1, JsonReport.Root(run.StandardOutput).GetProperty("summary").GetProperty("discovery").GetProperty("filesUsedByKustomizations").GetInt32());
    }

    [Fact]
    public void Without_kubectl_or_kustomize_each_top_level_kustomization_is_one_finding()
    {
        using var folder = FixtureRepository.Copy("kustomize-repository");
        var emptyPath = Directory.CreateDirectory(folder.Combine("no-tools")).FullName;
        var run = PolicyKitProcess.Run(new[] { "check", ".", "--format", "json" }, folder.Path, environment: new Dictionary<string, string?> { ["PATH"] = emptyPath });

        var findings = JsonReport.Findings(run.StandardOutput);
        var notRendered = findings.Where(f => Rule(f) == "PK0009").ToList();
        Assert.Equal(new[] { "overlays/production/kustomization.yaml", "overlays/staging/kustomization.yaml" }, notRendered.Select(JsonReport.File).OrderBy(f => f));
        Assert.All(notRendered, f => Assert.Contains("install kubectl", f.GetProperty("message").GetString()));
        Assert.DoesNotContain(findings, f => JsonReport.File(f)!.StartsWith("base/deployment") || JsonReport.File(f)!.StartsWith("components/"));
    }

    [SkippableFact]
    public void A_kustomization_that_does_not_build_is_a_located_finding_with_the_kustomize_message()
    {
        Skip.IfNot(Tools.OnPath("kubectl"), NoKubectl);
        using var folder = new TempDirectory();
        folder.Write("broken/kustomization.yaml", "resources:\n  - missing-deployment.yaml\n");

        var run = folder.Run("check", ".", "--format", "json");

        var failed = Assert.Single(JsonReport.Findings(run.StandardOutput));
        Assert.Equal("PK0010", Rule(failed));
        Assert.Equal("broken/kustomization.yaml", JsonReport.File(failed));
        Assert.Contains("missing-deployment.yaml", failed.GetProperty("message").GetString());
        Assert.Matches("kustomize could not build it: accumulating resources", failed.GetProperty("message").GetString());
        Assert.DoesNotContain(Path.GetTempPath().TrimEnd('/') + "/policykit-render-", run.StandardOutput);
        Assert.Equal(1, run.ExitCode);
    }

    [Fact]
    public void A_kustomization_with_a_remote_base_is_not_rendered_and_says_why()
    {
        using var folder = new TempDirectory();
        folder.Write("overlay/kustomization.yaml", "resources:\n  - https://github.com/example/odoo//base?ref=v1\n");

        var run = folder.Run("check", ".", "--format", "json");

        var refused = Assert.Single(JsonReport.Findings(run.StandardOutput));
        Assert.Equal("PK0010", Rule(refused));
        Assert.Equal(2, JsonReport.Line(refused));
        Assert.Contains("never reaches the network", refused.GetProperty("message").GetString());
    }

    [Fact]
    public void A_chart_without_helm_is_one_finding_and_its_values_are_still_scanned_for_secrets()
    {
        Skip.If(Tools.OnPath("helm"), "helm is installed here; this test asserts the behaviour without it");
        var (folder, _, findings) = CheckFixture();
        using var _ = folder;

        var chartFindings = findings.Where(f => JsonReport.File(f)!.StartsWith("charts/")).ToList();
        var notRendered = Assert.Single(chartFindings, f => Rule(f) == "PK0011");
        Assert.Equal("charts/odoo/Chart.yaml", JsonReport.File(notRendered));
        var secret = Assert.Single(chartFindings, f => JsonReport.File(f) == "charts/odoo/values.yaml");
        Assert.Equal("PK3006", Rule(secret));
        Assert.Equal(folder.LineOf("charts/odoo/values.yaml", "password:"), JsonReport.Line(secret));
        Assert.DoesNotContain("Odoo-Db-Fixture-Pa55w0rd", folder.Run("check", ".", "--format", "json").StandardOutput);
        Assert.Equal(2, chartFindings.Count);
    }

    [SkippableFact]
    public void A_chart_is_rendered_with_helm_and_findings_point_at_its_templates()
    {
        Skip.IfNot(Tools.OnPath("helm"), "helm is not installed on this machine; rendering charts needs it");
        var (folder, _, findings) = CheckFixture();
        using var _ = folder;

        Assert.DoesNotContain(findings, f => Rule(f) == "PK0011");
        Assert.Contains(findings, f => JsonReport.File(f) == "charts/odoo/templates/deployment.yaml" && Property(f, "sourceMapping") == "template");
    }

    [Fact]
    public void An_overlay_outside_the_policy_root_builds_within_the_folder_that_was_named()
    {
        using var workspace = new TempDirectory();
        using var elsewhere = new TempDirectory();
        elsewhere.Write("app/kustomization.yaml", "namespace: shop\nresources:\n  - deployment.yaml\n");
        elsewhere.Write("app/deployment.yaml", "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers:\n        - name: web\n          image: odoo:17.0\n");

        var run = workspace.Run("check", elsewhere.Combine("app"), "--config", workspace.Combine("policykit.yaml"), "--format", "json", "--fail-on", "none");

        Assert.Equal(0, run.ExitCode);
        var findings = JsonReport.Findings(run.StandardOutput);
        Assert.DoesNotContain(findings, f => Rule(f) == "PK0010");
        var unpinned = Assert.Single(findings, f => Rule(f) == "PK1001");
        Assert.EndsWith("app/deployment.yaml", JsonReport.File(unpinned));
    }

    [Fact]
    public void Other_yaml_is_skipped_with_a_count_and_listed_at_verbose()
    {
        var (folder, run, findings) = CheckFixture("--verbose");
        using var _ = folder;

        Assert.DoesNotContain(findings, f => JsonReport.File(f) is "artifacthub-pkg.yml" or "docker-compose.yaml");
        var discovery = JsonReport.Root(run.StandardOutput).GetProperty("summary").GetProperty("discovery");
        Assert.Equal(2, discovery.GetProperty("otherYamlFiles").GetInt32());
        Assert.Equal(1, discovery.GetProperty("hiddenFolders").GetInt32());
        Assert.Contains("skipped, not Kubernetes objects: artifacthub-pkg.yml", run.StandardError);
        Assert.Contains("skipped, not Kubernetes objects: docker-compose.yaml", run.StandardError);
    }

    [Fact]
    public void The_console_summary_counts_what_was_skipped()
    {
        using var folder = FixtureRepository.Copy("kustomize-repository");

        var run = folder.Run("check", ".");

        Assert.Contains("Skipped  2 files of other YAML, 1 hidden folder", run.StandardOutput);
    }
}
