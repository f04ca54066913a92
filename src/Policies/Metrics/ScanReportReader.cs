using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace PolicyKit.Policies.Metrics;

/// <summary>
/// Reads a folder of Trivy (<c>--format json</c>) and Grype (<c>-o json</c>) image reports. A report that names no image
/// digest or no scan time, or is not JSON of either scanner, is listed as a problem with its file; the others count.
/// </summary>
public static class ScanReportReader
{
    public static (IReadOnlyList<ScanReport> Reports, IReadOnlyList<string> Problems) ReadFolder(string directory)
    {
        var reports = new List<ScanReport>();
        var problems = new List<string>();
        foreach (var file in Directory.EnumerateFiles(directory, "*.json", SearchOption.AllDirectories).OrderBy(f => f, StringComparer.Ordinal))
        {
            var display = Path.GetRelativePath(directory, file).Replace('\\', '/');
            try
            {
                using var document = JsonDocument.Parse(File.ReadAllBytes(file));
                var report = Read(document.RootElement, display, out var problem);
                if (report is null)
                {
                    problems.Add($"{display}: {problem}");
                }
                else
                {
                    reports.Add(report);
                }
            }
            catch (JsonException exception)
            {
                problems.Add($"{display}:{exception.LineNumber + 1}: not valid JSON ({exception.Message})");
            }
        }

        return (reports, problems);
    }

    internal static ScanReport? Read(JsonElement root, string file, out string problem)
    {
        problem = string.Empty;
        if (root.ValueKind != JsonValueKind.Object)
        {
            problem = "not a Trivy or Grype JSON report";
            return null;
        }

        if (root.TryGetProperty("SchemaVersion", out _) && root.TryGetProperty("Results", out _))
        {
            return Trivy(root, file, out problem);
        }

        if (root.TryGetProperty("matches", out _) && root.TryGetProperty("source", out _))
        {
            return Grype(root, file, out problem);
        }

        problem = "not a Trivy or Grype JSON report";
        return null;
    }

    private static ScanReport? Trivy(JsonElement root, string file, out string problem)
    {
        var digest = root.TryGetProperty("Metadata", out var metadata) && metadata.TryGetProperty("RepoDigests", out var digests)
            ? digests.EnumerateArray().Select(d => DigestOf(d.GetString())).FirstOrDefault(d => d is not null)
            : null;
        var time = Time(root, "CreatedAt");
        problem = digest is null ? "the Trivy report names no image digest (Metadata.RepoDigests)" : time is null ? "the Trivy report has no scan time (CreatedAt)" : string.Empty;
        if (digest is null || time is null)
        {
            return null;
        }

        var vulnerabilities = new List<ScannedVulnerability>();
        foreach (var result in root.GetProperty("Results").EnumerateArray())
        {
            if (!result.TryGetProperty("Vulnerabilities", out var list) || list.ValueKind != JsonValueKind.Array)
            {
                continue;
            }

            foreach (var vulnerability in list.EnumerateArray())
            {
                var id = Text(vulnerability, "VulnerabilityID");
                if (id is null)
                {
                    continue;
                }

                vulnerabilities.Add(new ScannedVulnerability(
                    id,
                    (Text(vulnerability, "Severity") ?? "unknown").ToLowerInvariant(),
                    !string.IsNullOrEmpty(Text(vulnerability, "FixedVersion")),
                    Time(vulnerability, "PublishedDate")));
            }
        }

        return new ScanReport("trivy", file, digest, time.Value, vulnerabilities);
    }

    private static ScanReport? Grype(JsonElement root, string file, out string problem)
    {
        string? digest = null;
        if (root.GetProperty("source").TryGetProperty("target", out var target))
        {
            if (target.TryGetProperty("repoDigests", out var digests) && digests.ValueKind == JsonValueKind.Array)
            {
                digest = digests.EnumerateArray().Select(d => DigestOf(d.GetString())).FirstOrDefault(d => d is not null);
            }

            digest ??= DigestOf(Text(target, "manifestDigest"));
        }

        var time = root.TryGetProperty("descriptor", out var descriptor) ? Time(descriptor, "timestamp") : null;
        problem = digest is null ? "the Grype report names no image digest (source.target.repoDigests)" : time is null ? "the Grype report has no scan time (descriptor.timestamp)" : string.Empty;
        if (digest is null || time is null)
        {
            return null;
        }

        var vulnerabilities = new List<ScannedVulnerability>();
        foreach (var match in root.GetProperty("matches").EnumerateArray())
        {
            if (!match.TryGetProperty("vulnerability", out var vulnerability) || Text(vulnerability, "id") is not { } id)
            {
                continue;
            }

            var fixable = vulnerability.TryGetProperty("fix", out var fix) && Text(fix, "state") == "fixed";
            vulnerabilities.Add(new ScannedVulnerability(id, (Text(vulnerability, "severity") ?? "unknown").ToLowerInvariant(), fixable, null));
        }

        return new ScanReport("grype", file, digest, time.Value, vulnerabilities);
    }

    /// <summary>The <c>sha256:…</c> part of <c>repo@sha256:…</c> or of a bare digest.</summary>
    private static string? DigestOf(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        var at = text!.IndexOf('@');
        var digest = at < 0 ? text : text.Substring(at + 1);
        return digest.StartsWith("sha256:", StringComparison.Ordinal) ? digest : null;
    }

    private static string? Text(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static DateTimeOffset? Time(JsonElement element, string property) =>
        Text(element, property) is { } text && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)
            ? time.ToUniversalTime()
            : null;
}
