using System.Collections.Generic;
using PolicyKit.Policies.Checks;

namespace PolicyKit.Policies.Rules;

/// <summary>A rule: one built-in check with its parameters, plus everything a reader needs to act on its findings.</summary>
public sealed class Rule
{
    internal Rule(
        string id,
        string title,
        string category,
        Severity severity,
        string since,
        string checkName,
        Check check,
        RuleMatch match,
        MessageTemplate message,
        string rationale,
        string remediation,
        string? upstreamControl,
        IReadOnlyList<RuleExample> examples,
        string sourceFile,
        IReadOnlyList<KeyValuePair<string, string>> parameterSummary)
    {
        ParameterSummary = parameterSummary;
        Id = id;
        Title = title;
        Category = category;
        Severity = severity;
        Since = since;
        CheckName = checkName;
        Check = check;
        Match = match;
        Message = message;
        Rationale = rationale;
        Remediation = remediation;
        UpstreamControl = upstreamControl;
        Examples = examples;
        SourceFile = sourceFile;
    }

    /// <summary>Stable forever: <c>PK</c> and four digits, never reused for another meaning.</summary>
    public string Id { get; }

    public string Title { get; }

    public string Category { get; }

    /// <summary>The severity the pack gives; a policy file may override it per environment.</summary>
    public Severity Severity { get; }

    /// <summary>The pack version the rule first appeared in.</summary>
    public string Since { get; }

    public string CheckName { get; }

    public Check Check { get; }

    public RuleMatch Match { get; }

    public MessageTemplate Message { get; }

    public string Rationale { get; }

    public string Remediation { get; }

    /// <summary>The named upstream control the rule implements (reported as a finding's <c>check</c>), if any.</summary>
    public string? UpstreamControl { get; }

    public IReadOnlyList<RuleExample> Examples { get; }

    /// <summary>The check's parameters as written in the rule file (name and YAML text), for documentation.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> ParameterSummary { get; }

    /// <summary>The rule file, relative to the pack folder.</summary>
    public string SourceFile { get; }

    /// <summary>The hosting profiles the rule applies to (<c>profiles</c>); empty: every environment, with or without a profile.</summary>
    public IReadOnlyList<string> Profiles { get; internal init; } = System.Array.Empty<string>();

    /// <summary>Set when the rule joins its pack.</summary>
    public RulePack Pack { get; internal set; } = null!;

    public string HelpUri => Pack.DocsBaseUri is null ? string.Empty : Pack.DocsBaseUri + Id + ".md";
}
