using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Xml;
using System.Xml.Schema;
using PolicyKit.Policies.Reports;
using PolicyKit.Policies.Tests.Exceptions;
using PolicyKit.Testing;

namespace PolicyKit.Policies.Tests.Reports;

/// <summary>The pull-request reports of a sample change: golden files, schema checks and the facts each must carry.</summary>
public sealed class ChangeReportTests
{
    private static string Markdown()
    {
        var review = SampleChange.Review();
        using var writer = new StringWriter { NewLine = "\n" };
        MarkdownReportWriter.Write(review.Head, review, writer);
        return writer.ToString();
    }

    private static string JUnit()
    {
        var review = SampleChange.Review();
        using var stream = new MemoryStream();
        JUnitReportWriter.Write(review.Head, review, stream);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static string Kubernetes(KubernetesReportFlavor flavor)
    {
        var review = SampleChange.Review();
        using var stream = new MemoryStream();
        KubernetesReportWriter.Write(review.Head, flavor, stream);
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    [Fact]
    public void Json_report_of_a_change_is_valid_against_the_published_schema_and_classifies_every_finding()
    {
        var review = SampleChange.Review();
        using var stream = new MemoryStream();
        JsonReportWriter.Write(review, ToolInfo.Engine, stream);
        var json = Encoding.UTF8.GetString(stream.ToArray());

        SchemaValidation.AssertValid(json, RepositoryPaths.Combine("docs", "schemas", "report.schema.json"));
        using var document = JsonDocument.Parse(json);
        var findings = document.RootElement.GetProperty("findings").EnumerateArray().ToList();
        Assert.All(findings, f => Assert.Contains(f.GetProperty("change").GetString(), new[] { "new", "existing" }));
        var comparison = document.RootElement.GetProperty("comparison");
        Assert.Equal(findings.Count(f => f.GetProperty("change").GetString() == "new"), comparison.GetProperty("new").GetInt32());
        Assert.Equal((3, 1), (comparison.GetProperty("privilegedAccess").GetProperty("changes").GetInt32(), comparison.GetProperty("governanceChanges").GetInt32()));
    }

    [Fact]
    public void Sarif_of_a_change_marks_each_result_new_or_unchanged_and_stays_valid()
    {
        var review = SampleChange.Review();
        using var stream = new MemoryStream();
        SarifReportWriter.Write(review, ToolInfo.Engine, stream);
        var sarif = Encoding.UTF8.GetString(stream.ToArray());

        SchemaValidation.AssertValid(sarif, Path.Combine(System.AppContext.BaseDirectory, "Schemas", "sarif-schema-2.1.0.json"));
        using var document = JsonDocument.Parse(sarif);
        var states = document.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().Select(r => r.GetProperty("baselineState").GetString()).ToList();
        Assert.Equal(review.Findings.New.Count, states.Count(s => s == "new"));
        Assert.Equal(review.Findings.Existing.Count, states.Count(s => s == "unchanged"));
    }

    [Fact]
    public void Markdown_report_matches_the_approved_file()
    {
        Golden.Verify(Markdown(), "tests", "PolicyKit.Policies.Tests", "Approved", "change-report.md");
    }

    [Fact]
    public void Markdown_report_puts_the_verdict_first_then_what_a_reviewer_acts_on()
    {
        var markdown = Markdown();
        var order = new[] { "## PolicyKit: ❌ FAIL", "### New blocking findings", "### Privileged-access changes (3)", "### Governance changes (1)", "### Exceptions used and expiring (1)" }
            .Select(h => markdown.IndexOf(h, System.StringComparison.Ordinal))
            .ToList();

        Assert.DoesNotContain(-1, order);
        Assert.Equal(order.OrderBy(i => i), order);
        Assert.Contains("| rbac | ClusterRole odoo-secrets may get, list Secrets in every namespace | none | get, list | `tenants/acme/worker.yaml:16:52` |", markdown);
    }

    [Fact]
    public void JUnit_report_matches_the_approved_file_and_the_junit_schema()
    {
        var xml = JUnit();
        var schemas = new XmlSchemaSet();
        schemas.Add(null, Path.Combine(System.AppContext.BaseDirectory, "Schemas", "junit-10.xsd"));
        var document = new XmlDocument();
        document.LoadXml(xml);
        document.Schemas = schemas;
        var errors = new System.Collections.Generic.List<string>();
        document.Validate((_, e) => errors.Add(e.Message));

        Assert.Empty(errors);
        Golden.Verify(xml, "tests", "PolicyKit.Policies.Tests", "Approved", "change-report.junit.xml");
    }

    [Fact]
    public void JUnit_fails_the_cases_that_fail_the_gate_and_skips_the_waived_ones()
    {
        var document = new XmlDocument();
        document.LoadXml(JUnit());
        var failed = document.SelectNodes("//testcase[failure]")!.Cast<XmlElement>().Select(e => e.GetAttribute("name")).ToList();
        var skipped = document.SelectNodes("//testcase[skipped]")!.Cast<XmlElement>().Select(e => (e.GetAttribute("name"), ((XmlElement)e.SelectSingleNode("skipped")!).GetAttribute("message"))).ToList();
        var review = SampleChange.Review();

        Assert.Equal(review.Failing.Select(f => $"{f.RuleId} {f.Resource?.ToString() ?? f.File}").Distinct().OrderBy(n => n, System.StringComparer.Ordinal), failed.OrderBy(n => n, System.StringComparer.Ordinal));
        Assert.Contains(("PK1009 StatefulSet odoo-acme/redis", "waived by EX-2026-014"), skipped);
        Assert.Equal(failed.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), document.DocumentElement!.GetAttribute("failures"));
    }

    [Fact]
    public void OpenReports_output_matches_the_approved_file()
    {
        Golden.Verify(Kubernetes(KubernetesReportFlavor.OpenReports), "tests", "PolicyKit.Policies.Tests", "Approved", "change-report.openreports.json");
    }

    [Theory]
    [InlineData(KubernetesReportFlavor.OpenReports, "openreports.io/v1alpha1", "Report", "ClusterReport")]
    [InlineData(KubernetesReportFlavor.PolicyReport, "wgpolicyk8s.io/v1alpha2", "PolicyReport", "ClusterPolicyReport")]
    public void Kubernetes_reports_hold_what_their_custom_resource_definitions_require(KubernetesReportFlavor flavor, string apiVersion, string kind, string clusterKind)
    {
        using var document = JsonDocument.Parse(Kubernetes(flavor));
        var items = document.RootElement.GetProperty("items").EnumerateArray().ToList();

        Assert.Equal(new[] { clusterKind, kind }, items.Select(i => i.GetProperty("kind").GetString()).ToArray());
        foreach (var item in items)
        {
            Assert.Equal(apiVersion, item.GetProperty("apiVersion").GetString());
            var results = item.GetProperty("results").EnumerateArray().ToList();
            var summary = item.GetProperty("summary");
            foreach (var outcome in new[] { "pass", "fail", "warn", "error", "skip" })
            {
                Assert.Equal(results.Count(r => r.GetProperty("result").GetString() == outcome), summary.GetProperty(outcome).GetInt32());
            }

            foreach (var result in results)
            {
                // The CRDs require policy and constrain result, severity, timestamp and string-valued properties.
                Assert.False(string.IsNullOrEmpty(result.GetProperty("policy").GetString()));
                Assert.Contains(result.GetProperty("result").GetString(), new[] { "pass", "fail", "warn", "error", "skip" });
                Assert.Contains(result.GetProperty("severity").GetString(), new[] { "critical", "high", "medium", "low", "info" });
                Assert.Equal((JsonValueKind.Number, JsonValueKind.Number), (result.GetProperty("timestamp").GetProperty("seconds").ValueKind, result.GetProperty("timestamp").GetProperty("nanos").ValueKind));
                Assert.All(result.GetProperty("properties").EnumerateObject(), p => Assert.Equal(JsonValueKind.String, p.Value.ValueKind));
            }
        }

        var waived = items[1].GetProperty("results").EnumerateArray()
            .Single(r => r.GetProperty("policy").GetString() == "PK1009" && r.GetProperty("resources")[0].GetProperty("name").GetString() == "redis");
        Assert.Equal(("skip", "EX-2026-014"), (waived.GetProperty("result").GetString(), waived.GetProperty("properties").GetProperty("exception").GetString()));
    }

    [Fact]
    public void GitHub_annotations_name_file_line_and_column_of_what_fails_the_change()
    {
        var review = SampleChange.Review();
        using var writer = new StringWriter { NewLine = "\n" };
        GitHubAnnotationWriter.Write(review.Head, review, writer);
        var lines = writer.ToString().Split('\n', System.StringSplitOptions.RemoveEmptyEntries);

        Assert.Contains("::error file=tenants/acme/worker.yaml,line=10,col=41,title=PK1007 Privileged container (critical)::container \"worker\" sets securityContext.privileged: true; remove it or add an exception", lines);
        Assert.Equal(review.Failing.Count(), lines.Count(l => l.StartsWith("::error ", System.StringComparison.Ordinal)));
        Assert.DoesNotContain(lines, l => l.Contains("file=tenants/acme/redis.yaml", System.StringComparison.Ordinal));
    }

    [Fact]
    public void GitHub_annotations_stop_at_ten_errors_and_say_how_many_more_the_reports_hold()
    {
        var pods = string.Join("---\n", Enumerable.Range(1, 12).Select(i => $"apiVersion: v1\nkind: Pod\nmetadata: {{name: p{i}, namespace: shop}}\nspec:\n  containers:\n    - {{name: c, image: odoo:17.0, securityContext: {{privileged: true}}}}\n"));
        var result = Evaluate.Text(pods, "pods.yaml");
        using var writer = new StringWriter { NewLine = "\n" };
        GitHubAnnotationWriter.Write(result, null, writer);
        var lines = writer.ToString().Split('\n', System.StringSplitOptions.RemoveEmptyEntries);

        var errors = result.Findings.Count(f => f.Blocking);
        var warnings = result.Findings.Count(f => !f.Blocking && !f.Suppressed);
        Assert.Equal(GitHubAnnotationWriter.MaxPerLevel, lines.Count(l => l.StartsWith("::error ", System.StringComparison.Ordinal)));
        Assert.Equal(GitHubAnnotationWriter.MaxPerLevel, lines.Count(l => l.StartsWith("::warning ", System.StringComparison.Ordinal)));
        Assert.Equal($"::notice title=PolicyKit::{errors + warnings - 20} more findings are not annotated (GitHub shows 10 errors and 10 warnings per step); see the step summary or the SARIF upload", lines[^1]);
    }

    [Fact]
    public void GitHub_annotation_properties_escape_the_characters_that_separate_them()
    {
        var result = Evaluate.Text("apiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: shop}\nspec:\n  containers:\n    - {name: c, image: odoo:17.0, securityContext: {privileged: true}}\n", "a,b:c%.yaml");
        using var writer = new StringWriter { NewLine = "\n" };
        GitHubAnnotationWriter.Write(result, null, writer);

        Assert.Contains("::error file=a%2Cb%3Ac%25.yaml,line=6,", writer.ToString());
    }
}
