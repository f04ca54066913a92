using System.Collections.Generic;

namespace PolicyKit.Policies.CrossResource.Facts;

/// <summary>A <c>Namespace</c> object and its labels.</summary>
internal sealed class NamespaceFact : ResourceFact
{
    public NamespaceFact(FactOrigin origin, IReadOnlyDictionary<string, string> labels, FactLocation at)
        : base(origin)
    {
        Labels = labels;
        At = at;
    }

    /// <summary>The namespace's own name (<c>metadata.name</c>).</summary>
    public string? NamespaceName => Origin.Name;

    public IReadOnlyDictionary<string, string> Labels { get; }

    /// <summary>The namespace's <c>metadata.name</c>, where findings about it point.</summary>
    public FactLocation At { get; }
}
