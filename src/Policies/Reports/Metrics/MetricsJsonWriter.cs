using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Encodings.Web;
using System.Text.Json;
using PolicyKit.Policies.Metrics;

namespace PolicyKit.Policies.Reports.Metrics;

/// <summary>The metrics as JSON, valid against <c>docs/schemas/metrics.schema.json</c>; the same input gives the same bytes.</summary>
public static class MetricsJsonWriter
{
    public const string SchemaVersion = "1";

    public static void Write(MetricsReport report, Stream stream)
    {
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        json.WriteStartObject();
        json.WriteString("schemaVersion", SchemaVersion);
        json.WriteString("repository", report.Repository);
        json.WriteString("releasesFoundBy", report.Selection);
        WriteTime(json, "since", report.Since);
        WriteTime(json, "until", report.Until);
        json.WriteStartArray("environments");
        foreach (var environment in report.Environments)
        {
            json.WriteStringValue(environment);
        }

        json.WriteEndArray();
        WriteSummary(json, report);
        json.WriteStartArray("releases");
        foreach (var release in report.Releases)
        {
            WriteRelease(json, release);
        }

        json.WriteEndArray();
        WriteExposure(json, report);
        json.WriteStartArray("exceptionsByMonth");
        foreach (var (month, created, expired) in report.ExceptionsByMonth)
        {
            json.WriteStartObject();
            json.WriteString("month", month);
            json.WriteNumber("created", created);
            json.WriteNumber("expired", expired);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        WriteGateRuns(json, report.GateRuns);
        json.WriteStartObject("cost");
        json.WriteNumber("filesJudged", report.Cost.FilesJudged);
        json.WriteNumber("filesReused", report.Cost.FilesReused);
        json.WriteNumber("blobsInventoried", report.Cost.BlobsInventoried);
        json.WriteNumber("kustomizeBuildsReused", report.Cost.KustomizeBuildsReused);
        json.WriteNumber("discoveriesReused", report.Cost.DiscoveriesReused);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteSummary(Utf8JsonWriter json, MetricsReport report)
    {
        json.WriteStartObject("summary");
        json.WriteNumber("releases", report.Releases.Count);
        json.WriteNumber("failedReleases", report.FailedReleases);
        WriteNumber(json, "failedReleaseRatio", report.FailedReleaseRatio);
        WriteNumber(json, "deploymentsPerWeek", report.DeploymentsPerWeek);
        WriteNumber(json, "medianLeadTimeDays", report.MedianLeadTimeDays);
        WriteNumber(json, "changeFailureRate", report.ChangeFailureRate);
        WriteNumber(json, "medianTimeToRestoreDays", report.MedianTimeToRestoreDays);
        json.WriteNumber("privilegedAccessChanges", report.AccessChanges);
        json.WriteNumber("changes", report.Changes);
        json.WriteNumber("completeChanges", report.CompleteChanges);
        WriteNumber(json, "auditCompleteness", report.AuditCompleteness);
        json.WriteEndObject();
    }

    private static void WriteRelease(Utf8JsonWriter json, ReleaseMetrics release)
    {
        json.WriteStartObject();
        json.WriteString("name", release.Release.Name);
        json.WriteString("commit", release.Release.Commit);
        WriteTime(json, "time", release.Release.Time);
        json.WriteString("verdict", release.Verdict);
        if (release.Facts.PolicyError is { } error)
        {
            json.WriteString("policyError", error);
        }

        json.WriteNumber("filesChanged", release.Facts.FilesChanged);
        json.WriteNumber("filesTotal", release.Facts.FilesTotal);
        json.WriteStartArray("violations");
        foreach (var figures in release.Violations)
        {
            json.WriteStartObject();
            json.WriteString("environment", figures.Environment);
            json.WriteNumber("findings", figures.Findings);
            json.WriteNumber("blocking", figures.Blocking);
            json.WriteNumber("suppressed", figures.Suppressed);
            json.WriteNumber("resources", figures.Resources);
            WriteNumber(json, "per100Resources", figures.Per100Resources);
            WriteCounts(json, "bySeverity", figures.BySeverity);
            WriteCounts(json, "byCategory", figures.ByCategory);
            WriteCounts(json, "byRule", figures.ByRule);
            WriteFindings(json, "new", figures.New);
            WriteFindings(json, "fixed", figures.Fixed);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("secretsRotation");
        foreach (var rotation in release.Rotation)
        {
            json.WriteStartObject();
            json.WriteString("environment", rotation.Environment);
            json.WriteNumber("secrets", rotation.Secrets);
            json.WriteNumber("compliant", rotation.Compliant);
            WriteNumber(json, "ratio", rotation.Ratio);
            json.WriteStartArray("overdue");
            foreach (var item in rotation.Overdue)
            {
                json.WriteStartObject();
                json.WriteString("kind", item.Kind);
                json.WriteString("namespace", item.Namespace);
                json.WriteString("name", item.Name);
                json.WriteString("file", item.File);
                json.WriteNumber("line", item.Line);
                json.WriteString("reason", item.Reason);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        WriteAccess(json, release.Access);
        var exceptions = release.Exceptions;
        json.WriteStartObject("exceptions");
        WriteStrings(json, "created", exceptions.Created);
        WriteStrings(json, "renewed", exceptions.Renewed);
        WriteStrings(json, "expired", exceptions.Expired);
        json.WriteNumber("active", exceptions.Active);
        WriteNumber(json, "medianGrantedDays", exceptions.MedianGrantedDays);
        WriteNumber(json, "waivedShare", exceptions.WaivedShare);
        WriteCounts(json, "byRule", exceptions.ByRule);
        WriteCounts(json, "byOwner", exceptions.ByOwner);
        json.WriteEndObject();
        json.WriteStartObject("provenance");
        WriteProvenance(json, release.Provenance[^1]);
        json.WriteStartArray("environments");
        foreach (var figures in release.Provenance.Take(release.Provenance.Count - 1))
        {
            json.WriteStartObject();
            json.WriteString("environment", figures.Environment);
            WriteProvenance(json, figures);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteStartObject("auditTrail");
        json.WriteNumber("changes", release.Changes.Count);
        json.WriteNumber("complete", release.Changes.Count - Gaps(release.Changes).Count);
        json.WriteStartArray("gaps");
        foreach (var change in Gaps(release.Changes))
        {
            json.WriteStartObject();
            json.WriteString("commit", change.Commit);
            json.WriteString("author", change.Author);
            json.WriteString("subject", change.Subject);
            WriteStrings(json, "missing", change.Gaps);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        var delivery = release.Delivery;
        json.WriteStartObject("delivery");
        json.WriteNumber("commits", delivery.LeadTimeDays.Count);
        WriteNumber(json, "medianLeadTimeDays", delivery.MedianLeadTimeDays);
        json.WriteBoolean("failed", delivery.Failed);
        if (delivery.Failed)
        {
            json.WriteString("failureReason", delivery.FailureReason);
            json.WriteString("restoredBy", delivery.RestoredBy);
            WriteNumber(json, "timeToRestoreDays", delivery.TimeToRestoreDays);
        }

        json.WriteEndObject();
        json.WriteNumber("openExposureWindows", release.OpenExposureWindows);
        json.WriteEndObject();
    }

    private static void WriteProvenance(Utf8JsonWriter json, ProvenanceFigures provenance)
    {
        json.WriteNumber("images", provenance.Images);
        json.WriteNumber("pinned", provenance.Pinned);
        WriteStrings(json, "unpinned", provenance.Unpinned);
        WriteNumber(json, "measured", provenance.Measured);
        WriteNumber(json, "signed", provenance.Signed);
        WriteNumber(json, "slsaProvenance", provenance.WithSlsaProvenance);
        WriteNumber(json, "signedRatio", provenance.SignedRatio);
        WriteNumber(json, "slsaRatio", provenance.SlsaRatio);
        if (provenance.NotMeasured is { } reason)
        {
            json.WriteString("notMeasured", reason);
        }
    }

    private static void WriteAccess(Utf8JsonWriter json, IReadOnlyList<AccessFigures> access)
    {
        json.WriteStartArray("privilegedAccess");
        foreach (var figures in access)
        {
            json.WriteStartObject();
            json.WriteString("environment", figures.Environment);
            json.WriteNumber("changes", figures.Count);
            json.WriteStartObject("byArea");
            foreach (var area in AccessFigures.Areas)
            {
                json.WriteNumber(ChangeJson.Name(area), figures.In(area));
            }

            json.WriteEndObject();
            json.WriteStartArray("items");
            foreach (var fact in figures.Changes)
            {
                var change = fact.Change;
                json.WriteStartObject();
                json.WriteString("environment", fact.Environment);
                json.WriteString("area", ChangeJson.Name(change.Area));
                json.WriteString("kind", change.Kind);
                json.WriteString("resource", change.Resource);
                json.WriteString("description", change.Description);
                json.WriteString("before", change.Before);
                json.WriteString("after", change.After);
                json.WriteString("file", change.File);
                json.WriteNumber("line", change.Line);
                json.WriteNumber("column", change.Column);
                json.WriteString("field", change.FieldPath);
                json.WriteBoolean("inPreviousRelease", change.Removed);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void WriteExposure(Utf8JsonWriter json, MetricsReport report)
    {
        json.WriteStartObject("exposure");
        json.WriteStartArray("bySeverity");
        foreach (var summary in report.ExposureBySeverity)
        {
            json.WriteStartObject();
            json.WriteString("severity", summary.Severity);
            json.WriteNumber("open", summary.Open);
            json.WriteNumber("closed", summary.Closed);
            WriteNumber(json, "medianClosedDays", summary.MedianClosedDays);
            WriteNumber(json, "p90ClosedDays", summary.P90ClosedDays);
            json.WriteNumber("breaches", summary.Breaches);
            WriteNumber(json, "limitDays", summary.LimitDays);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("windows");
        foreach (var window in report.ExposureWindows)
        {
            json.WriteStartObject();
            json.WriteString("image", window.Repository);
            json.WriteString("vulnerability", window.VulnerabilityId);
            json.WriteString("severity", window.Severity);
            WriteTime(json, "start", window.Start);
            json.WriteString("startSource", window.StartSource);
            json.WriteString("firstCarriedBy", window.FirstCarriedBy);
            json.WriteString("closedBy", window.ClosedBy);
            WriteTime(json, "end", window.End);
            json.WriteNumber("days", window.Days);
            json.WriteBoolean("open", window.Open);
            json.WriteBoolean("breach", window.Breach);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        WriteStrings(json, "problems", report.ScanProblems);
        json.WriteEndObject();
    }

    private static void WriteGateRuns(Utf8JsonWriter json, GateRunFigures? runs)
    {
        if (runs is null)
        {
            json.WriteNull("gateRuns");
            return;
        }

        json.WriteStartObject("gateRuns");
        json.WriteNumber("runs", runs.Runs);
        json.WriteNumber("failed", runs.Failed);
        WriteNumber(json, "failureRatio", runs.FailureRatio);
        WriteStrings(json, "failedReports", runs.FailedFiles);
        WriteStrings(json, "problems", runs.Problems);
        json.WriteEndObject();
    }

    private static List<ChangeEvidence> Gaps(IReadOnlyList<ChangeEvidence> changes) => changes.Where(c => !c.Complete).ToList();

    private static void WriteFindings(Utf8JsonWriter json, string name, IReadOnlyList<FindingFact> findings)
    {
        json.WriteStartArray(name);
        foreach (var finding in findings)
        {
            json.WriteStartObject();
            json.WriteString("fingerprint", finding.Fingerprint);
            json.WriteString("ruleId", finding.RuleId);
            json.WriteString("severity", Rules.Severities.ToName(finding.Severity));
            json.WriteString("category", finding.Category);
            json.WriteString("file", finding.File);
            json.WriteNumber("line", finding.Line);
            json.WriteString("message", finding.Message);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void WriteCounts(Utf8JsonWriter json, string name, IReadOnlyDictionary<string, int> counts)
    {
        json.WriteStartObject(name);
        foreach (var entry in counts)
        {
            json.WriteNumber(entry.Key, entry.Value);
        }

        json.WriteEndObject();
    }

    private static void WriteStrings(Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }

    private static void WriteNumber(Utf8JsonWriter json, string name, double? value)
    {
        if (value is { } number)
        {
            json.WriteNumber(name, number);
        }
        else
        {
            json.WriteNull(name);
        }
    }

    private static void WriteTime(Utf8JsonWriter json, string name, DateTimeOffset? time)
    {
        if (time is { } value)
        {
            json.WriteString(name, value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        }
        else
        {
            json.WriteNull(name);
        }
    }
}
