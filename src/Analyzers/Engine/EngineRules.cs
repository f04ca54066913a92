using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using PolicyKit.Policies.Rules;

namespace PolicyKit.Analyzers.Engine;

/// <summary>
/// One Roslyn descriptor per rule of the engine's built-in packs, with the rule's own id, title, category and help page,
/// so a finding reads the same through the analyzer as through the gate and the build. Messages are the engine's,
/// passed through whole.
/// </summary>
internal static class EngineRules
{
    /// <summary>
    /// Rules the analyzer door never reports: rotation age needs a clock, which analyzers must not read (their results
    /// would change between two builds of the same input); exception records are the gate's and the build's business.
    /// </summary>
    private static readonly HashSet<string> GateOnly = new(StringComparer.Ordinal) { "PK3007" };

    private static readonly Lazy<ImmutableDictionary<string, DiagnosticDescriptor>> All = new(Create);

    public static ImmutableDictionary<string, DiagnosticDescriptor> Descriptors => All.Value;

    public static bool IsReported(string ruleId) => Descriptors.ContainsKey(ruleId);

    public static ImmutableArray<DiagnosticDescriptor> Select(IEnumerable<string> ids)
    {
        var builder = ImmutableArray.CreateBuilder<DiagnosticDescriptor>();
        foreach (var id in ids)
        {
            builder.Add(Descriptors[id]);
        }

        return builder.ToImmutable();
    }

    /// <summary>critical, high and medium warn; low and info are suggestions. Presets and global config raise or lower them.</summary>
    public static DiagnosticSeverity SeverityOf(Severity severity) => severity is Severity.Low or Severity.Info ? DiagnosticSeverity.Info : DiagnosticSeverity.Warning;

    private static ImmutableDictionary<string, DiagnosticDescriptor> Create()
    {
        var builder = ImmutableDictionary.CreateBuilder<string, DiagnosticDescriptor>(StringComparer.Ordinal);
        foreach (var rule in RuleCatalog.BuiltIn.Rules)
        {
            if (GateOnly.Contains(rule.Id) || rule.Pack.Name == "exceptions")
            {
                continue;
            }

            builder[rule.Id] = new DiagnosticDescriptor(
                rule.Id,
                rule.Title,
                "{0}",
                rule.Category,
                SeverityOf(rule.Severity),
                isEnabledByDefault: true,
                description: rule.Rationale,
                helpLinkUri: rule.HelpUri.Length > 0 ? rule.HelpUri : RuleIdentifiers.HelpLink(rule.Id));
        }

        return builder.ToImmutable();
    }
}
