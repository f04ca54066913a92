using System;
using System.Collections.Generic;
using System.Linq;
using PolicyKit.Policies.Metrics;
using PolicyKit.Policies.Rules;
using PolicyKit.Policies.Tests.Exceptions;

namespace PolicyKit.Policies.Tests.Metrics;

/// <summary>Exposure windows from scan reports and the images each release deploys, with the edge cases of docs/metrics.md.</summary>
public sealed class ExposureWindowTests
{
    private const string A = "sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    private const string B = "sha256:bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb";
    private const string C = "sha256:cccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc";

    private static readonly IReadOnlyDictionary<Severity, TimeSpan> Limits = new Dictionary<Severity, TimeSpan> { [Severity.Critical] = TimeSpan.FromDays(7) };

    private static DateTimeOffset Day(int day) => new(2026, 3, day, 0, 0, 0, TimeSpan.Zero);

    private static ReleaseFacts Release(string name, int day, params (string Repository, string? Digest)[] images) => new(new Release(name, new string('0', 40), Day(day)))
    {
        Images = images.Select(i => new ImageFact(i.Digest is null ? i.Repository + ":1" : i.Repository + "@" + i.Digest, i.Repository, i.Digest, "default")).ToList(),
    };

    private static ScanReport Scan(string digest, int day, params (string Id, bool Fix)[] vulnerabilities) =>
        new("trivy", "scan.json", digest, Day(day), vulnerabilities.Select(v => new ScannedVulnerability(v.Id, "critical", v.Fix, null)).ToList());

    [Fact]
    public void A_window_runs_from_the_first_scan_with_a_fix_to_the_first_release_without_the_vulnerability()
    {
        var releases = new[] { Release("r1", 1, ("odoo", A)), Release("r2", 5, ("odoo", A)), Release("r3", 12, ("odoo", B)) };
        var scans = new[] { Scan(A, 1, ("CVE-1", false)), Scan(A, 3, ("CVE-1", true)), Scan(B, 11) };

        var window = Assert.Single(ExposureAnalysis.Windows(releases, scans, Limits, Day(20)));

        // Fix seen on the 3rd, r3 (12th) deploys B, which a scan shows clean: 9 days, over the 7-day critical limit.
        Assert.Equal((Day(3), "scan", "r1", "r3", 9.0, true), (window.Start, window.StartSource, window.FirstCarriedBy, window.ClosedBy, window.Days, window.Breach));
    }

    [Fact]
    public void A_fix_never_deployed_leaves_the_window_open_until_the_end_of_the_period()
    {
        var releases = new[] { Release("r1", 1, ("odoo", A)), Release("r2", 5, ("odoo", A)) };
        var scans = new[] { Scan(A, 1, ("CVE-1", false)), Scan(A, 4, ("CVE-1", true)) };

        var window = Assert.Single(ExposureAnalysis.Windows(releases, scans, Limits, Day(10)));

        Assert.True(window.Open);
        Assert.Equal((6.0, false), (window.Days, window.Breach));
    }

    [Fact]
    public void Replacing_the_image_by_another_one_closes_the_window()
    {
        var releases = new[] { Release("r1", 1, ("odoo", A)), Release("r2", 4, ("nginx", C)) };
        var scans = new[] { Scan(A, 2, ("CVE-1", false)), Scan(A, 2, ("CVE-1", true)) };

        var window = Assert.Single(ExposureAnalysis.Windows(releases, scans, Limits, Day(10)));

        Assert.Equal(("r2", 2.0), (window.ClosedBy, window.Days));
    }

    [Fact]
    public void A_release_whose_digest_was_never_scanned_neither_carries_nor_clears_the_vulnerability()
    {
        // r2 deploys C, never scanned: unknown. r3 deploys B, scanned clean: that closes the window.
        var releases = new[] { Release("r1", 1, ("odoo", A)), Release("r2", 3, ("odoo", C)), Release("r3", 6, ("odoo", B)) };
        var scans = new[] { Scan(A, 1, ("CVE-1", false)), Scan(A, 2, ("CVE-1", true)), Scan(B, 5) };

        var window = Assert.Single(ExposureAnalysis.Windows(releases, scans, Limits, Day(10)));

        Assert.Equal(("r3", 4.0), (window.ClosedBy, window.Days));
    }

    [Fact]
    public void Without_an_earlier_scan_the_advisory_publication_date_starts_the_window_and_says_so()
    {
        var releases = new[] { Release("r1", 1, ("odoo", A)), Release("r2", 9, ("odoo", B)) };
        var scans = new[]
        {
            new ScanReport("trivy", "a.json", A, Day(5), new[] { new ScannedVulnerability("CVE-1", "critical", true, Day(2)) }),
            Scan(B, 8),
        };

        var window = Assert.Single(ExposureAnalysis.Windows(releases, scans, Limits, Day(10)));

        Assert.Equal((Day(2), "published", 7.0, false), (window.Start, window.StartSource, window.Days, window.Breach));
    }

    [Fact]
    public void Vulnerabilities_without_a_fix_and_images_pinned_by_tag_only_make_no_window()
    {
        var releases = new[] { Release("r1", 1, ("odoo", A), ("redis", null)), Release("r2", 4, ("odoo", B)) };
        var scans = new[] { Scan(A, 1, ("CVE-1", false)), Scan(B, 3) };

        Assert.Empty(ExposureAnalysis.Windows(releases, scans, Limits, Day(10)));
    }

    [Fact]
    public void Median_and_90th_percentile_use_the_nearest_rank()
    {
        var closed = new double[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 };

        Assert.Equal(5.5, Statistics.Median(closed));
        Assert.Equal(9, Statistics.Percentile(closed, 90));
        Assert.Equal(3, Statistics.Median(new double[] { 5, 1, 3 }));
        Assert.Null(Statistics.Median(Array.Empty<double>()));
    }

    [Fact]
    public void Trivy_and_Grype_reports_are_read_by_digest_and_scan_time_and_bad_files_are_named()
    {
        using var folder = new TempFolder();
        folder.Write("trivy.json", $$$"""
            {"SchemaVersion": 2, "CreatedAt": "2026-03-01T06:00:00Z", "Metadata": {"RepoDigests": ["odoo@{{{A}}}"]},
             "Results": [{"Vulnerabilities": [{"VulnerabilityID": "CVE-1", "Severity": "HIGH", "FixedVersion": "1.2", "PublishedDate": "2026-02-01T00:00:00Z"},
                                              {"VulnerabilityID": "CVE-2", "Severity": "LOW"}]}]}
            """);
        folder.Write("grype.json", $$$$"""
            {"matches": [{"vulnerability": {"id": "GHSA-1", "severity": "Critical", "fix": {"state": "not-fixed"}}}],
             "source": {"type": "image", "target": {"repoDigests": ["odoo@{{{{B}}}}"]}}, "descriptor": {"timestamp": "2026-03-02T06:00:00Z"}}
            """);
        folder.Write("nodigest.json", """{"SchemaVersion": 2, "CreatedAt": "2026-03-01T06:00:00Z", "Results": []}""");
        folder.Write("broken.json", "{");

        var (reports, problems) = ScanReportReader.ReadFolder(folder.Path);

        Assert.Equal(new[] { ("grype", B, Day(2).AddHours(6)), ("trivy", A, Day(1).AddHours(6)) }, reports.Select(r => (r.Scanner, r.Digest, r.ScanTime)));
        Assert.Equal(new ScannedVulnerability("GHSA-1", "critical", false, null), reports[0].Vulnerabilities.Single());
        Assert.Equal(new ScannedVulnerability("CVE-1", "high", true, new DateTimeOffset(2026, 2, 1, 0, 0, 0, TimeSpan.Zero)), reports[1].Vulnerabilities[0]);
        Assert.Equal(new[] { "broken.json", "nodigest.json" }, problems.Select(p => p.Substring(0, p.IndexOf(':'))));
        Assert.Contains("Metadata.RepoDigests", problems[1]);
    }
}
