using System;
using System.Collections.Generic;
using PolicyKit.Policies.Model;

namespace PolicyKit.Policies.Diff.Access;

/// <summary>
/// One privilege a resource holds, recorded while its file is judged so that two evaluations can be compared without
/// their trees: <c>Role shop/reader may get, list secrets</c>. Set-valued privileges (<see cref="Values"/>) grow when a
/// value is added; single ones change when they differ.
/// </summary>
/// <param name="Area">RBAC, workload or network.</param>
/// <param name="Kind">A stable code: <c>secrets</c>, <c>privileged</c>, <c>service-exposed</c>…</param>
/// <param name="Resource">The resource that holds the privilege.</param>
/// <param name="Subject">What inside the resource holds it (a container, a verb, a host), so facts are matched whatever the order.</param>
/// <param name="Values">The privilege's values, sorted; a single value for single-valued facts.</param>
/// <param name="Explicit">Whether the manifest asks for the privilege in so many words (rather than by default); a new resource reports only explicit ones.</param>
/// <param name="Description">What the privilege is, in the resource's terms, for reports.</param>
/// <param name="File">The file that grants it (display path).</param>
/// <param name="Line">The line of the granting field.</param>
/// <param name="Column">The column of the granting field.</param>
/// <param name="FieldPath">The granting field's path inside the resource.</param>
public sealed record AccessFact(
    AccessArea Area,
    string Kind,
    ResourceIdentity Resource,
    string Subject,
    IReadOnlyList<string> Values,
    bool Explicit,
    string Description,
    string File,
    int Line,
    int Column,
    string FieldPath)
{
    /// <summary>What identifies the fact across files, formatting and order.</summary>
    public string Key => string.Join("\u001f", Area.ToString(), Kind, Resource.Group, Resource.Kind, Resource.Namespace ?? string.Empty, Resource.Name ?? string.Empty, Subject);

    /// <summary>The resource's identity alone, to tell a new resource from a changed one.</summary>
    public string ResourceKey => string.Join("\u001f", Resource.Group, Resource.Kind, Resource.Namespace ?? string.Empty, Resource.Name ?? string.Empty);

    public string ValueText => Values.Count == 0 ? "yes" : string.Join(", ", Values);

    internal static int Compare(AccessFact a, AccessFact b)
    {
        var order = string.CompareOrdinal(a.File, b.File);
        if (order == 0) order = a.Line.CompareTo(b.Line);
        if (order == 0) order = a.Column.CompareTo(b.Column);
        if (order == 0) order = string.CompareOrdinal(a.Key, b.Key);
        return order;
    }
}
