using System.Collections.Generic;
using PolicyKit.Policies.Loading;

namespace PolicyKit.Policies.Discovery;

/// <summary>The sources to evaluate (files, rendered overlays and charts, located problems) and what was left out.</summary>
public sealed record DiscoveryResult(IReadOnlyList<ManifestSource> Sources, DiscoverySummary Summary);
