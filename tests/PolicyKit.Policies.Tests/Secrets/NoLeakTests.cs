using System.IO;
using System.Linq;
using System.Text;
using PolicyKit.Policies.Evaluation;
using PolicyKit.Policies.Loading;
using PolicyKit.Policies.Reports;

namespace PolicyKit.Policies.Tests.Secrets;

/// <summary>No output may hold a detected secret: findings, JSON, SARIF and input errors are checked with real-looking values.</summary>
public sealed class NoLeakTests
{
    private static readonly EvaluationResult Detected = Scan.Text(SecretLeaks.Manifests(), "leaks.yaml");

    [Fact]
    public void Every_planted_secret_is_detected()
    {
        // Otherwise the other tests could pass because nothing was found, not because nothing leaked.
        Assert.Equal(14, Detected.Findings.Count(f => f.Category == "secrets" && f.RuleId != "PK3007"));
    }

    [Fact]
    public void Finding_messages_fields_and_properties_hold_no_secret()
    {
        var text = string.Join("\n", Detected.Findings.Select(f => f.Message + "\n" + f.FieldPath + "\n" + string.Join(",", f.Properties.Select(p => p.Key + "=" + p.Value))));

        Assert.Empty(SecretLeaks.Leaks(text));
    }

    [Fact]
    public void The_json_report_holds_no_secret()
    {
        Assert.Empty(SecretLeaks.Leaks(Write(JsonReportWriter.Write, Detected)));
    }

    [Fact]
    public void The_sarif_log_holds_no_secret()
    {
        Assert.Empty(SecretLeaks.Leaks(Write(SarifReportWriter.Write, Detected)));
    }

    [Fact]
    public void Findings_show_the_masked_form_instead()
    {
        Assert.All(Detected.Findings.Where(f => f.Category == "secrets" && f.RuleId != "PK3007"), f => Assert.Matches(@"…\([0-9]+ chars?, sha256:[0-9a-f]{8}\)", f.Message));
    }

    [Fact]
    public void Input_errors_about_files_holding_secrets_quote_none_of_them()
    {
        var sources = SecretLeaks.BrokenFiles().Select(f => ManifestSource.FromText(f.Name, f.Text)).ToArray();

        var result = Scan.Run(PolicyKit.Policies.Configuration.PolicyConfig.Defaults("/"), sources);

        Assert.Equal(sources.Length, result.Findings.Where(f => f.Category == "input").Select(f => f.File).Distinct().Count());
        Assert.Empty(SecretLeaks.Leaks(Write(JsonReportWriter.Write, result) + Write(SarifReportWriter.Write, result)));
    }

    private static string Write(System.Action<EvaluationResult, ToolInfo, Stream> writer, EvaluationResult result)
    {
        using var stream = new MemoryStream();
        writer(result, ToolInfo.Engine, stream);
        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
