using System;
using System.Collections.Generic;
using System.Linq;
using PolicyKit.Policies.Rules;

namespace PolicyKit.Policies.Metrics;

/// <summary>
/// Exposure windows of fixable vulnerabilities across releases (docs/metrics.md). A vulnerability is tracked per image
/// repository: a release carries it when one of its digests of that repository has a scan listing it; clears it when
/// the repository is no longer deployed or every deployed digest of it was scanned without it; and leaves it unknown
/// when a deployed digest was never scanned (or is referenced by tag only), which neither opens nor closes a window.
/// </summary>
public static class ExposureAnalysis
{
    public static IReadOnlyList<ExposureWindow> Windows(IReadOnlyList<ReleaseFacts> releases, IReadOnlyList<ScanReport> scans, IReadOnlyDictionary<Severity, TimeSpan> limits, DateTimeOffset asOf)
    {
        var byDigest = scans.GroupBy(s => s.Digest).ToDictionary(g => g.Key, g => g.OrderBy(s => s.ScanTime).ToList(), StringComparer.Ordinal);
        var deployed = releases.Select(r => r.Images.GroupBy(i => i.Repository).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal)).ToList();

        // Every (repository, vulnerability) some release carried.
        var keys = new SortedSet<(string Repository, string Id)>();
        foreach (var release in deployed)
        {
            foreach (var entry in release)
            {
                foreach (var image in entry.Value)
                {
                    if (image.Digest is { } digest && byDigest.TryGetValue(digest, out var reports))
                    {
                        foreach (var vulnerability in reports.SelectMany(r => r.Vulnerabilities))
                        {
                            keys.Add((entry.Key, vulnerability.Id));
                        }
                    }
                }
            }
        }

        var windows = new List<ExposureWindow>();
        foreach (var (repository, id) in keys)
        {
            var digests = deployed.SelectMany(r => r.TryGetValue(repository, out var images) ? images : new List<ImageFact>())
                .Select(i => i.Digest).Where(d => d is not null).Distinct().ToList();
            var reports = digests.Where(d => byDigest.ContainsKey(d!)).SelectMany(d => byDigest[d!]).OrderBy(r => r.ScanTime).ToList();
            var fixable = reports.Where(r => r.Vulnerabilities.Any(v => v.Id == id && v.FixAvailable)).ToList();
            if (fixable.Count == 0)
            {
                continue;
            }

            var listing = fixable[0].Vulnerabilities.First(v => v.Id == id);
            var start = fixable[0].ScanTime;
            var source = "scan";
            var earlierScanOfDigest = reports.Any(r => r.Digest == fixable[0].Digest && r.ScanTime < start);
            if (!earlierScanOfDigest && listing.Published is { } published && published < start)
            {
                start = published;
                source = "published";
            }

            string? firstCarrier = null;
            Release? closer = null;
            for (var i = 0; i < releases.Count; i++)
            {
                var state = State(deployed[i], repository, id, byDigest);
                if (state == Carriage.Carries)
                {
                    firstCarrier ??= releases[i].Release.Name;
                }
                else if (state == Carriage.Clear && firstCarrier is not null && releases[i].Release.Time >= start)
                {
                    closer = releases[i].Release;
                    break;
                }
            }

            if (firstCarrier is null)
            {
                continue;
            }

            var severity = listing.Severity;
            double? limit = Severities.TryParse(severity, out var parsed) && limits.TryGetValue(parsed, out var span) ? Statistics.Days(span) : null;
            var end = closer?.Time;
            windows.Add(new ExposureWindow(repository, id, severity, start, source, firstCarrier, closer?.Name, end, Statistics.Days((end ?? asOf) - start), limit));
        }

        return windows;
    }

    private enum Carriage
    {
        Carries,
        Clear,
        Unknown,
    }

    private static Carriage State(Dictionary<string, List<ImageFact>> release, string repository, string id, Dictionary<string, List<ScanReport>> byDigest)
    {
        if (!release.TryGetValue(repository, out var images))
        {
            return Carriage.Clear;
        }

        var unknown = false;
        foreach (var image in images)
        {
            if (image.Digest is not { } digest || !byDigest.TryGetValue(digest, out var reports))
            {
                unknown = true;
                continue;
            }

            if (reports.Any(r => r.Vulnerabilities.Any(v => v.Id == id)))
            {
                return Carriage.Carries;
            }
        }

        return unknown ? Carriage.Unknown : Carriage.Clear;
    }
}
