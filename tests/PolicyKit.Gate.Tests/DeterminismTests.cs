using System.Linq;
using PolicyKit.Testing;

namespace PolicyKit.Gate.Tests;

/// <summary>Same input, same bytes; and a finding keeps its fingerprint when unrelated lines move it.</summary>
public sealed class DeterminismTests
{
    [Fact]
    public void Same_input_gives_byte_identical_json_and_sarif()
    {
        using var folder = new TempDirectory();
        for (var run = 1; run <= 2; run++)
        {
            var result = PolicyKitProcess.Run(
                ["check", "samples/odoo-distribution", "--now", SampleTests.Today, "--format", "json", "--output", folder.Combine($"run{run}.json"), "--format", "sarif", "--output", folder.Combine($"run{run}.sarif")],
                RepositoryPaths.Root);
            GateAssert.ExitCode(1, result);
        }

        Assert.Equal(folder.ReadBytes("run1.json"), folder.ReadBytes("run2.json"));
        Assert.Equal(folder.ReadBytes("run1.sarif"), folder.ReadBytes("run2.sarif"));
    }

    [Fact]
    public void Comment_lines_above_a_resource_move_its_finding_but_keep_its_fingerprint()
    {
        using var folder = new TempDirectory();
        folder.Write("odoo.yaml", Manifests.UnpinnedDeployment);
        var before = GateAssert.SingleFinding(folder.Run("check", ".", "--format", "json"), "PK1001", "odoo.yaml");

        folder.Write("odoo.yaml", "# Odoo web tier\n# owned by the ERP team\n\n" + Manifests.UnpinnedDeployment);
        var after = GateAssert.SingleFinding(folder.Run("check", ".", "--format", "json"), "PK1001", "odoo.yaml");

        Assert.Equal(JsonReport.Line(before) + 3, JsonReport.Line(after));
        Assert.Equal(JsonReport.Fingerprint(before), JsonReport.Fingerprint(after));
    }

    [Fact]
    public void Another_document_before_a_resource_moves_its_finding_but_keeps_its_fingerprint()
    {
        using var folder = new TempDirectory();
        folder.Write("odoo.yaml", Manifests.UnpinnedDeployment);
        var before = GateAssert.SingleFinding(folder.Run("check", ".", "--format", "json"), "PK1001", "odoo.yaml");

        folder.Write("odoo.yaml", "apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: odoo\n  namespace: odoo\n---\n" + Manifests.UnpinnedDeployment);
        var after = GateAssert.SingleFinding(folder.Run("check", ".", "--format", "json"), "PK1001", "odoo.yaml");

        Assert.Equal(JsonReport.Line(before) + 6, JsonReport.Line(after));
        Assert.Equal(JsonReport.Fingerprint(before), JsonReport.Fingerprint(after));
    }

    [Fact]
    public void Findings_of_different_resources_have_different_fingerprints()
    {
        using var folder = new TempDirectory();
        folder.Write("odoo.yaml", Manifests.UnpinnedDeployment + "---\n" + Manifests.UnpinnedDeployment.Replace("name: odoo\n  namespace", "name: odoo-worker\n  namespace"));

        var findings = JsonReport.Findings(folder.Run("check", ".", "--format", "json").StandardOutput);

        Assert.Equal(2, findings.Count);
        Assert.NotEqual(JsonReport.Fingerprint(findings[0]), JsonReport.Fingerprint(findings[1]));
        Assert.Equal(["odoo", "odoo-worker"], findings.Select(f => f.GetProperty("resource").GetProperty("name").GetString()));
    }
}
