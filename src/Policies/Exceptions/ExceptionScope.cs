using System.Collections.Generic;

namespace PolicyKit.Policies.Exceptions;

/// <summary>
/// Which findings an exception covers. Every field that is given must match (fields are ANDed); within a field any
/// pattern may match. Absent fields restrict nothing.
/// </summary>
public sealed class ExceptionScope
{
    public ExceptionScope(
        ScopePatterns environments,
        ScopePatterns namespaces,
        ScopePatterns kinds,
        ScopePatterns names,
        LabelSelector? labels,
        ScopePatterns images,
        ScopePatterns secretKeys)
    {
        Environments = environments;
        Namespaces = namespaces;
        Kinds = kinds;
        Names = names;
        Labels = labels;
        Images = images;
        SecretKeys = secretKeys;
    }

    /// <summary>Names of the policy's environments (the finding's <c>environment</c>).</summary>
    public ScopePatterns Environments { get; }

    public ScopePatterns Namespaces { get; }

    public ScopePatterns Kinds { get; }

    public ScopePatterns Names { get; }

    /// <summary>A label selector on the judged object's <c>metadata.labels</c>.</summary>
    public LabelSelector? Labels { get; }

    /// <summary>Image references, for findings about an image (provenance rules).</summary>
    public ScopePatterns Images { get; }

    /// <summary>Secret keys or variable names, for findings about a secret.</summary>
    public ScopePatterns SecretKeys { get; }

    /// <summary>
    /// True when the scope singles out no resource: every resource field restricts nothing. Environments alone do not
    /// count, because "all of production" is every resource that matters.
    /// </summary>
    public bool IsUnbounded =>
        Namespaces.MatchesEverything && Kinds.MatchesEverything && Names.MatchesEverything
        && (Labels is null || Labels.IsEmpty) && Images.MatchesEverything && SecretKeys.MatchesEverything;

    internal bool Matches(ExceptionSubject subject)
    {
        if (!Environments.Matches(subject.Environment))
        {
            return false;
        }

        var resource = subject.Resource;
        if (resource is null)
        {
            // Findings about a file rather than a resource only match a scope that asks nothing of resources.
            return IsUnbounded;
        }

        return Namespaces.Matches(resource.Namespace)
            && Kinds.Matches(resource.Kind)
            && Names.Matches(resource.Name)
            && (Labels is null || Labels.Matches(subject.Labels))
            && Images.Matches(subject.Image)
            && SecretKeys.Matches(subject.SecretKey);
    }

    /// <summary>The fields that are set, in a fixed order: <c>namespaces: odoo-acme; kinds: StatefulSet</c>.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Describe()
    {
        var parts = new List<KeyValuePair<string, string>>();
        Add("environments", Environments);
        Add("namespaces", Namespaces);
        Add("kinds", Kinds);
        Add("names", Names);
        if (Labels is not null && !Labels.IsEmpty)
        {
            parts.Add(new KeyValuePair<string, string>("labels", Labels.ToString()));
        }

        Add("images", Images);
        Add("secretKeys", SecretKeys);
        return parts;

        void Add(string name, ScopePatterns patterns)
        {
            if (patterns.IsSpecified)
            {
                parts.Add(new KeyValuePair<string, string>(name, patterns.ToString()));
            }
        }
    }

    public override string ToString()
    {
        var parts = Describe();
        return parts.Count == 0 ? "everything" : string.Join("; ", System.Linq.Enumerable.Select(parts, p => $"{p.Key}: {p.Value}"));
    }
}
