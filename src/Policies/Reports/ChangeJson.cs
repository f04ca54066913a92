using System.Linq;
using System.Text.Json;
using PolicyKit.Policies.Diff;

namespace PolicyKit.Policies.Reports;

/// <summary>The <c>comparison</c> block of the JSON report: what a change was compared with and how its findings classify.</summary>
internal static class ChangeJson
{
    public static string Name(FindingChange change) => change switch
    {
        FindingChange.New => "new",
        FindingChange.Existing => "existing",
        _ => "fixed",
    };

    public static string Name(PolicySide side) => side == PolicySide.Base ? "base" : "head";

    public static void WriteComparison(Utf8JsonWriter json, ChangeReview review)
    {
        json.WriteStartObject("comparison");
        var basis = review.Basis;
        if (basis.BaselineFile is { } baseline)
        {
            json.WriteString("basis", "baseline");
            json.WriteString("baseline", baseline);
        }
        else
        {
            json.WriteString("basis", "commit");
            json.WriteString("baseRevision", basis.Revision);
            json.WriteString("baseCommit", basis.Commit);
        }

        if (review.Policy is { } policy)
        {
            json.WriteString("policyFrom", Name(policy));
        }
        else
        {
            json.WriteString("policyFrom", "working-tree");
        }

        json.WriteBoolean("failOnExisting", review.FailOnExisting);
        json.WriteNumber("new", review.Findings.New.Count);
        json.WriteNumber("newBlocking", review.Findings.NewBlocking.Count());
        json.WriteNumber("existing", review.Findings.Existing.Count);
        json.WriteNumber("existingBlocking", review.Findings.Existing.Count(f => f.Blocking));
        json.WriteNumber("fixed", review.Findings.Fixed.Count);
        if (review.Base is { } baseResult)
        {
            json.WriteNumber("baseFilesJudged", baseResult.FilesScanned - baseResult.FilesReused);
            json.WriteNumber("baseFilesReused", baseResult.FilesReused);
        }

        json.WriteStartArray("fixedFindings");
        foreach (var finding in review.Findings.Fixed)
        {
            json.WriteStartObject();
            json.WriteString("ruleId", finding.RuleId);
            json.WriteString("title", finding.Title);
            json.WriteString("category", finding.Category);
            json.WriteString("severity", finding.Severity);
            json.WriteString("message", finding.Message);
            json.WriteStartObject("location");
            json.WriteString("file", finding.File);
            json.WriteNumber("line", finding.Line);
            json.WriteNumber("column", finding.Column);
            json.WriteEndObject();
            json.WriteString("fingerprint", finding.Fingerprint);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }
}
