using System;
using System.Collections.Generic;

namespace PolicyKit.Policies.Checks.Platform;

/// <summary>
/// Which environments of <c>policykit.yaml</c> count as production for a rule that only applies there (a single
/// database instance is fine for a review app, not for the warehouse's live ERP). Read from the rule's
/// <c>environments</c> parameter; a run without a matching environment is not production, so such rules stay quiet.
/// </summary>
internal sealed class ProductionScope
{
    private static readonly string[] DefaultNames = { "production", "prod", "prd", "live" };

    private readonly HashSet<string> names;

    private ProductionScope(IEnumerable<string> names)
    {
        this.names = new HashSet<string>(names, StringComparer.OrdinalIgnoreCase);
    }

    public static ProductionScope Read(CheckParameters parameters) =>
        new(parameters.GetStringList("environments", DefaultNames));

    /// <summary>Whether the resource being judged belongs to one of the production environments.</summary>
    public bool Includes(EvaluationContext context) => context.EnvironmentName is { } name && names.Contains(name);
}
