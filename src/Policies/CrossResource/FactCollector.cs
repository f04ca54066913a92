using PolicyKit.Policies.Model;

namespace PolicyKit.Policies.CrossResource;

/// <summary>
/// Records the facts of one concern (services, routes, workloads…) from each resource while files stream. A collector
/// sees the tree only during <see cref="Collect"/> and must keep nothing of it: what it adds to the sink is all that
/// outlives the file. Concrete collectors in this assembly are found by <see cref="FactCollectors"/>; adding a concern
/// is adding a file, no list to edit.
/// </summary>
internal abstract class FactCollector
{
    /// <summary>Whether resources of this kind may carry the collector's facts; asked once per kind.</summary>
    public abstract bool AppliesToKind(string kind);

    public abstract void Collect(Resource resource, FactSink sink);
}
