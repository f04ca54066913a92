using System;
using System.IO;
using System.Linq;
using PolicyKit.Testing;

namespace PolicyKit.Gate.Tests;

/// <summary>
/// <c>samples/odoo-multitenant</c>, run through the real <c>policykit</c> process: three tenants under the
/// <c>multi-tenant</c> hosting profile, of which only <c>initech</c> breaks isolation (docs/hosting-profiles.md).
/// </summary>
public sealed class MultiTenantSampleTests
{
    private const string Sample = "samples/odoo-multitenant";

    private static PolicyKitResult Check(params string[] options) =>
        PolicyKitProcess.Run([.. new[] { "check", Sample }, .. options], RepositoryPaths.Root);

    [Fact]
    public void Only_the_tenant_that_breaks_isolation_has_findings()
    {
        var result = Check("--format", "json");

        GateAssert.ExitCode(1, result);
        var findings = JsonReport.Findings(result.StandardOutput);
        Assert.All(findings, f => Assert.StartsWith(Sample + "/tenants/initech/", JsonReport.File(f)));
        Assert.Equal(
            new[] { "PK8202", "PK8203", "PK8205", "PK8206" },
            findings.Select(f => f.GetProperty("ruleId").GetString()).OrderBy(id => id, StringComparer.Ordinal));
    }

    [Fact]
    public void Isolation_findings_point_at_the_field_to_change()
    {
        var result = Check("--format", "json");

        var openPolicy = GateAssert.SingleFinding(result, "PK8203", Sample + "/tenants/initech/network-policies.yaml");
        Assert.Equal("spec.ingress[0].from[0]", openPolicy.GetProperty("field").GetString());
        var borrowed = GateAssert.SingleFinding(result, "PK8206", Sample + "/tenants/initech/secrets.yaml");
        Assert.Equal("metadata.annotations[replicator.v1.mittwald.de/replicate-from]", borrowed.GetProperty("field").GetString());
        var noDeny = GateAssert.SingleFinding(result, "PK8202", Sample + "/tenants/initech/namespace.yaml");
        Assert.Equal(4, JsonReport.Line(noDeny));
    }

    [Fact]
    public void The_hosting_profiles_page_shows_the_real_output()
    {
        var output = Check().StandardOutput.Split('\n');
        var page = File.ReadAllText(RepositoryPaths.Combine("docs", "hosting-profiles.md")).Replace("\r\n", "\n");
        var start = page.IndexOf("$ dotnet run --project src/Gate -- check " + Sample, StringComparison.Ordinal);
        var excerpt = page.Substring(start, page.IndexOf("```", start, StringComparison.Ordinal) - start).TrimEnd('\n').Split('\n').Skip(1);

        Assert.All(excerpt.Where(line => line != "…"), line => Assert.Contains(line, output));
    }

    [Fact]
    public void Under_the_dedicated_profile_the_same_tenants_pass()
    {
        using var copy = new TempDirectory();
        foreach (var file in Directory.GetFiles(RepositoryPaths.Combine(Sample), "*.yaml", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(RepositoryPaths.Combine(Sample), file);
            copy.Write(relative, File.ReadAllText(file).Replace("profile: multi-tenant", "profile: dedicated"));
        }

        var result = PolicyKitProcess.Run(copy.Path, "check", ".");

        GateAssert.ExitCode(0, result);
        Assert.Contains("PASS  no findings", result.StandardOutput);
    }

    [Fact]
    public void A_dedicated_production_tenant_with_one_web_replica_is_reported()
    {
        using var copy = new TempDirectory();
        foreach (var file in Directory.GetFiles(RepositoryPaths.Combine(Sample), "*.yaml", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(RepositoryPaths.Combine(Sample), file);
            var text = File.ReadAllText(file).Replace("profile: multi-tenant", "profile: dedicated");
            copy.Write(relative, relative.Replace('\\', '/') == "tenants/acme/odoo.yaml" ? text.Replace("replicas: 2", "replicas: 1") : text);
        }

        var result = PolicyKitProcess.Run(copy.Path, "check", ".", "--format", "json");

        GateAssert.ExitCode(1, result);
        var finding = Assert.Single(JsonReport.Findings(result.StandardOutput));
        Assert.Equal("PK8251", finding.GetProperty("ruleId").GetString());
        Assert.Equal("spec.replicas", finding.GetProperty("field").GetString());
    }
}
