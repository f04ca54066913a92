using System;
using System.Collections.Generic;
using PolicyKit.Policies.Loading;
using PolicyKit.Policies.Yaml;

namespace PolicyKit.Policies.Exceptions;

/// <summary>
/// One exception record as read from its file. Fields that were missing or malformed are null (or empty) here and
/// reported as problems; the node is kept so every problem can point at the exact line of the field it is about.
/// </summary>
public sealed class ExceptionRecord
{
    internal ExceptionRecord(ManifestSource source, int position, MappingNode node)
    {
        Source = source;
        Position = position;
        Node = node;
    }

    public ManifestSource Source { get; }

    /// <summary>The file as reports show it.</summary>
    public string File => Source.DisplayPath;

    /// <summary>0-based position of the record in its file, counting every document's list.</summary>
    public int Position { get; }

    public MappingNode Node { get; }

    public int Line => Node.Line;

    public string? Id { get; internal set; }

    public IReadOnlyList<RuleReference> Rules { get; internal set; } = Array.Empty<RuleReference>();

    public ExceptionScope? Scope { get; internal set; }

    public string? Owner { get; internal set; }

    public string? Approver { get; internal set; }

    public string? Justification { get; internal set; }

    /// <summary>The change or risk ticket that authorised the exception.</summary>
    public string? Ticket { get; internal set; }

    /// <summary>The UTC day the exception was created, when the record gives a valid date.</summary>
    public DateTime? Created { get; internal set; }

    /// <summary>The last UTC day the exception is in force (inclusive), when the record gives a valid date.</summary>
    public DateTime? Expires { get; internal set; }

    /// <summary>The accepted residual risk, in the risk owner's words.</summary>
    public string? Risk { get; internal set; }

    public IReadOnlyList<string> CompensatingControls { get; internal set; } = Array.Empty<string>();

    /// <summary>The rules the record waives once wildcards are expanded (known, waivable rules only), by id.</summary>
    public IReadOnlyList<Rules.Rule> WaivedRules { get; internal set; } = Array.Empty<Rules.Rule>();

    /// <summary>How reports and messages name the record: its id, or its position when it has none.</summary>
    public string DisplayName => Id ?? $"#{Position + 1} in {File}";

    /// <summary>The field path of the record or of one of its fields: <c>exceptions[id=EX-1].owner</c>.</summary>
    public string FieldPath(string? field = null)
    {
        var record = Id is null ? $"exceptions[{Position}]" : $"exceptions[id={Id}]";
        return field is null ? record : record + "." + field;
    }

    /// <summary>Where a field is: its value, else its key, else the record itself (for a missing field).</summary>
    public YamlNode Locate(string field) =>
        Node.TryGetEntry(field, out var entry) ? (entry.Value is ScalarNode { IsNull: true } ? entry.Key : entry.Value) : Node;
}
