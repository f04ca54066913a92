using PolicyKit.Policies.Model;

namespace PolicyKit.Policies.Checks;

/// <summary>
/// One kind of test, instantiated by a rule with parameters. Parameters are read and validated once, when the rule loads,
/// so evaluation does no parsing.
/// </summary>
public abstract class Check
{
    /// <summary>Whether resources of this kind can be judged by the check at all; rules further narrow with <c>match</c>.</summary>
    public abstract bool AppliesToKind(string kind);

    public abstract void Evaluate(Resource resource, ViolationSink sink);
}
