using System;
using System.Collections.Generic;

namespace PolicyKit.Policies.Metrics;

/// <summary>One scanner run over one image digest: when it ran and the vulnerabilities it listed.</summary>
/// <remarks>Scanner: <c>trivy</c> or <c>grype</c>. File: the report's path as given, for the lists behind the numbers.</remarks>
public sealed record ScanReport(string Scanner, string File, string Digest, DateTimeOffset ScanTime, IReadOnlyList<ScannedVulnerability> Vulnerabilities);

/// <summary>A vulnerability a scan listed: its id, lower-case severity, whether a fix exists, and the advisory's publication date when given.</summary>
public sealed record ScannedVulnerability(string Id, string Severity, bool FixAvailable, DateTimeOffset? Published);
