using System;
using System.Collections.Generic;
using System.Linq;

namespace PolicyKit.Policies.Rules;

/// <summary>Which kinds a rule sees, beyond what its check understands.</summary>
public sealed class RuleMatch
{
    public static readonly RuleMatch Everything = new(Array.Empty<string>(), Array.Empty<string>());

    private readonly HashSet<string>? kinds;
    private readonly HashSet<string> excludedKinds;

    public RuleMatch(IReadOnlyList<string> kinds, IReadOnlyList<string> excludedKinds)
    {
        this.kinds = kinds.Count == 0 ? null : new HashSet<string>(kinds, StringComparer.Ordinal);
        this.excludedKinds = new HashSet<string>(excludedKinds, StringComparer.Ordinal);
    }

    public IReadOnlyCollection<string> Kinds => (IReadOnlyCollection<string>?)kinds ?? Array.Empty<string>();

    public IReadOnlyCollection<string> ExcludedKinds => excludedKinds;

    public bool Matches(string kind) => (kinds is null || kinds.Contains(kind)) && !excludedKinds.Contains(kind);

    public override string ToString()
    {
        var included = kinds is null ? "any kind" : string.Join(", ", kinds.OrderBy(k => k, StringComparer.Ordinal));
        return excludedKinds.Count == 0 ? included : $"{included} except {string.Join(", ", excludedKinds.OrderBy(k => k, StringComparer.Ordinal))}";
    }
}
