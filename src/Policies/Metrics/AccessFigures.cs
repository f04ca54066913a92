using System.Collections.Generic;
using System.Linq;
using PolicyKit.Policies.Diff.Access;

namespace PolicyKit.Policies.Metrics;

/// <summary>
/// The privileged-access changes one release introduced in one environment (or <c>all</c>): the pull-request gate's
/// access diff between the previous judged release and this one.
/// </summary>
public sealed class AccessFigures
{
    /// <summary>The areas in report order.</summary>
    public static readonly IReadOnlyList<AccessArea> Areas = new[] { AccessArea.Rbac, AccessArea.Workload, AccessArea.Network };

    public AccessFigures(string environment, IReadOnlyList<AccessChangeFact> changes)
    {
        Environment = environment;
        Changes = changes;
    }

    public string Environment { get; }

    public IReadOnlyList<AccessChangeFact> Changes { get; }

    public int Count => Changes.Count;

    public int In(AccessArea area) => Changes.Count(c => c.Change.Area == area);
}
