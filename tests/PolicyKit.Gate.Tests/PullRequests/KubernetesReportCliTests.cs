using System.Linq;

namespace PolicyKit.Gate.Tests.PullRequests;

/// <summary>The policy-report formats come out of the real gate, one file each, also without a comparison.</summary>
public sealed class KubernetesReportCliTests
{
    [Fact]
    public void Openreports_and_policyreport_formats_write_report_lists_next_to_each_other()
    {
        using var folder = new TempDirectory();
        folder.Write("web.yaml", ChangeManifests.Deployment("web", "registry.acme.example/odoo:latest"));

        var run = folder.Run("check", "--format", "openreports", "--output", "out/openreports.json", "--format", "policyreport", "--output", "out/policyreport.json", "--format", "junit", "--output", "out/junit.xml");

        Assert.Equal(1, run.ExitCode);
        var open = JsonReport.Root(folder.ReadText("out/openreports.json"));
        var legacy = JsonReport.Root(folder.ReadText("out/policyreport.json"));
        var report = open.GetProperty("items").EnumerateArray().Single();
        Assert.Equal(("openreports.io/v1alpha1", "Report", "shop"), (report.GetProperty("apiVersion").GetString(), report.GetProperty("kind").GetString(), report.GetProperty("metadata").GetProperty("namespace").GetString()));
        Assert.Equal(1, report.GetProperty("summary").GetProperty("fail").GetInt32());
        Assert.Equal("wgpolicyk8s.io/v1alpha2", legacy.GetProperty("items")[0].GetProperty("apiVersion").GetString());
        Assert.Contains("<failure type=\"high\"", folder.ReadText("out/junit.xml"));
    }

    [Fact]
    public void An_unknown_format_names_every_format()
    {
        using var folder = new TempDirectory();

        var run = folder.Run("check", "--format", "html");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("policykit: unknown format 'html'; use console, json, sarif, markdown, junit, openreports or policyreport\n", run.StandardError);
    }
}
