using System.Collections.Generic;

namespace PolicyKit.Policies.Rules;

/// <summary>A versioned set of rules; reports name it with its version and content hash so an auditor knows what judged a change.</summary>
public sealed class RulePack
{
    internal RulePack(string name, SemanticVersion version, string description, string? docsBaseUri, string sha256, IReadOnlyList<Rule> rules, IReadOnlyList<PackChange> changelog)
    {
        Name = name;
        Version = version;
        Description = description;
        DocsBaseUri = docsBaseUri;
        Sha256 = sha256;
        Rules = rules;
        Changelog = changelog;
        foreach (var rule in rules)
        {
            rule.Pack = this;
        }
    }

    public string Name { get; }

    public SemanticVersion Version { get; }

    public string Description { get; }

    public string? DocsBaseUri { get; }

    /// <summary>Lower-case hex SHA-256 over the pack's files (sorted by path, line endings normalised).</summary>
    public string Sha256 { get; }

    public IReadOnlyList<Rule> Rules { get; }

    public IReadOnlyList<PackChange> Changelog { get; }
}

/// <summary>One version's entry in a pack's changelog.</summary>
public sealed record PackChange(string Version, IReadOnlyList<string> Changes);
