using System.Collections.Generic;

namespace PolicyKit.Policies.Secrets;

/// <summary>An Odoo configuration text, read: its section headers and its options, in file order.</summary>
public sealed class OdooConfigDocument
{
    public List<OdooSection> Sections { get; } = new();

    public List<OdooOption> Options { get; } = new();
}

/// <summary>A <c>[name]</c> header with its 0-based line and column.</summary>
public sealed record OdooSection(string Name, int Line, int Column);
