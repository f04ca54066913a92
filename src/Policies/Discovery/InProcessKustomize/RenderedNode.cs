using System;
using System.Collections.Generic;

namespace PolicyKit.Policies.Discovery.InProcessKustomize;

/// <summary>
/// A node of an object as <c>kustomize build</c> prints it: kustomize round-trips every object through JSON, so mappings
/// come out with their keys sorted, scalars in JSON's canonical form, and comments, anchors and styles gone.
/// </summary>
internal abstract class RenderedNode
{
}

/// <summary>A mapping; its keys are printed in the order go-yaml prints a map's keys (<see cref="SortForPrinting"/>).</summary>
internal sealed class RenderedMap : RenderedNode
{
    public RenderedMap(int capacity = 4) => Entries = new RenderedEntries(capacity);

    public RenderedEntries Entries { get; }

    /// <summary>Puts the entries in go-yaml's order of keys, for printing.</summary>
    public void SortForPrinting() => Entries.SortByKey(GoYamlKeyOrder.Instance);

    /// <summary>The mapping at <paramref name="key"/>, created when absent; null when the key holds something else.</summary>
    public RenderedMap? MapAt(string key, bool create)
    {
        if (Entries.TryGetValue(key, out var existing))
        {
            return existing as RenderedMap;
        }

        if (!create)
        {
            return null;
        }

        var created = new RenderedMap();
        Entries[key] = created;
        return created;
    }

    public string? StringAt(string key) => Entries.TryGetValue(key, out var node) && node is RenderedScalar { IsString: true } scalar ? scalar.Text : null;
}

internal sealed class RenderedList : RenderedNode
{
    public List<RenderedNode> Items { get; } = new();
}

/// <summary>
/// A scalar: either a string, printed plain, quoted or as a literal block the way go-yaml would choose, or a null,
/// boolean or number, printed as its canonical <see cref="Text"/>.
/// </summary>
internal sealed class RenderedScalar : RenderedNode
{
    private RenderedScalar(string text, bool isString)
    {
        Text = text;
        IsString = isString;
    }

    public string Text { get; private set; }

    public bool IsString { get; private set; }

    /// <summary>
    /// Overwrites this scalar in place, as kustomize overwrites an existing field's node: every place that holds the
    /// same node sees the new value (a label one transformer put in an object's metadata and its pod template both).
    /// </summary>
    public void Assign(RenderedScalar other)
    {
        Text = other.Text;
        IsString = other.IsString;
    }

    public static RenderedScalar String(string value) => new(value, true);

    public static RenderedScalar Canonical(string text) => new(text, false);
}
