using System.Linq;
using System.Text.Json;
using PolicyKit.Policies.Diff;
using PolicyKit.Policies.Diff.Access;

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

    public static string Name(AccessArea area) => area switch
    {
        AccessArea.Rbac => "rbac",
        AccessArea.Workload => "workload",
        _ => "network",
    };

    private static void WriteAccessChanges(Utf8JsonWriter json, ChangeReview review)
    {
        json.WriteStartObject("privilegedAccess");
        json.WriteNumber("changes", review.AccessChanges.Count);
        json.WriteStartObject("byArea");
        foreach (var area in new[] { AccessArea.Rbac, AccessArea.Workload, AccessArea.Network })
        {
            json.WriteNumber(Name(area), review.AccessChanges.Count(c => c.Area == area));
        }

        json.WriteEndObject();
        json.WriteStartArray("items");
        foreach (var change in review.AccessChanges)
        {
            json.WriteStartObject();
            json.WriteString("area", Name(change.Area));
            json.WriteString("kind", change.Kind);
            json.WriteString("resource", change.Resource);
            json.WriteString("description", change.Description);
            json.WriteString("before", change.Before);
            json.WriteString("after", change.After);
            json.WriteStartObject("location");
            json.WriteString("file", change.File);
            json.WriteNumber("line", change.Line);
            json.WriteNumber("column", change.Column);
            json.WriteEndObject();
            json.WriteString("field", change.FieldPath);
            json.WriteBoolean("inBase", change.Removed);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteNumber("governanceChanges", review.GovernanceFindings.Count());
    }

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

        WriteAccessChanges(json, review);
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
