using PolicyKit.Policies.Checks;
using PolicyKit.Policies.Model;

namespace PolicyKit.Policies.CrossResource;

/// <summary>
/// A check whose verdict needs several resources (a route and the Service it targets, a Deployment and the ConfigMap
/// carrying its <c>odoo.conf</c>). It never sees trees: it is judged once, after every file has streamed, over the
/// <see cref="CrossResourceIndex"/> that <see cref="FactCollector"/>s filled, and reports at the fact that must change.
/// Subclasses are registered by name in <see cref="CheckRegistry"/> like every check.
/// </summary>
internal abstract class CrossResourceCheck : Check
{
    /// <summary>No resource is shown to the check while files stream: its judgement waits for the whole index.</summary>
    public sealed override bool AppliesToKind(string kind) => false;

    /// <summary>Never called (<see cref="AppliesToKind"/> is false); the verdict comes from <see cref="Judge"/>.</summary>
    public sealed override void Evaluate(Resource resource, ViolationSink sink)
    {
    }

    /// <summary>Reports every violation the facts show; the sink drops those in environments where the rule is off.</summary>
    public abstract void Judge(CrossResourceIndex index, CrossResourceSink sink);
}
