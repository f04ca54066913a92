using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace PolicyKit.Analyzers.Kubernetes;

/// <summary>
/// A value of a Kubernetes object as C# builds it, reduced to what a manifest would hold: a mapping, a sequence or a
/// scalar, each remembering the syntax it came from. Values that are not compile-time constants are left out, and the
/// mapping that held them is marked incomplete so nothing judged from its absence is reported.
/// </summary>
internal abstract class ModelNode
{
    protected ModelNode(SyntaxNode origin)
    {
        Origin = origin;
    }

    public SyntaxNode Origin { get; }
}

internal sealed class ModelMapping : ModelNode
{
    public ModelMapping(SyntaxNode origin)
        : base(origin)
    {
    }

    public List<ModelEntry> Entries { get; } = new();

    /// <summary>False when some member was set from a value that is not known at compile time.</summary>
    public bool IsComplete { get; set; } = true;
}

internal sealed class ModelSequence : ModelNode
{
    public ModelSequence(SyntaxNode origin)
        : base(origin)
    {
    }

    public List<ModelNode> Items { get; } = new();
}

internal sealed class ModelScalar : ModelNode
{
    public ModelScalar(SyntaxNode origin, string yaml)
        : base(origin)
    {
        Yaml = yaml;
    }

    /// <summary>The scalar as YAML writes it: quoted strings, bare booleans and numbers.</summary>
    public string Yaml { get; }
}

/// <summary>One member of a mapping: its manifest field name, its value, and the initializer member that set it.</summary>
internal sealed class ModelEntry
{
    public ModelEntry(string key, ModelNode value, SyntaxNode origin)
    {
        Key = key;
        Value = value;
        Origin = origin;
    }

    public string Key { get; }

    public ModelNode Value { get; }

    public SyntaxNode Origin { get; }
}
