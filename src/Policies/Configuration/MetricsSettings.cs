using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;
using PolicyKit.Policies.Rules;

namespace PolicyKit.Policies.Configuration;

/// <summary>
/// <c>metrics</c> in <c>policykit.yaml</c>: what the governance metrics hold a release history to (docs/metrics.md).
/// </summary>
public sealed class MetricsSettings
{
    public const string DefaultTicketPattern = @"\b[A-Z][A-Z0-9]+-[0-9]+\b";

    public static readonly TimeSpan DefaultFailureWindow = TimeSpan.FromDays(7);

    public MetricsSettings(IReadOnlyDictionary<Severity, TimeSpan> exposureLimits, Regex ticketPattern, bool requireSignatures, TimeSpan failureWindow, Regex hotfixPattern)
    {
        ExposureLimits = exposureLimits;
        TicketPattern = ticketPattern;
        RequireSignatures = requireSignatures;
        FailureWindow = failureWindow;
        HotfixPattern = hotfixPattern;
    }

    public static MetricsSettings Default { get; } = new(
        new Dictionary<Severity, TimeSpan>(),
        new Regex(DefaultTicketPattern, RegexOptions.CultureInvariant),
        false,
        DefaultFailureWindow,
        new Regex("hotfix", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase));

    /// <summary><c>exposureLimits</c>: the longest a fixable vulnerability of each severity may stay deployed, e.g. critical 7d.</summary>
    public IReadOnlyDictionary<Severity, TimeSpan> ExposureLimits { get; }

    /// <summary><c>ticketPattern</c>: what a ticket reference in a commit message looks like.</summary>
    public Regex TicketPattern { get; }

    /// <summary><c>requireSignatures</c>: whether every change must carry a signature git verifies.</summary>
    public bool RequireSignatures { get; }

    /// <summary><c>failureWindow</c>: a revert or hotfix release this soon after a release marks that release failed.</summary>
    public TimeSpan FailureWindow { get; }

    /// <summary><c>hotfixPattern</c>: release names that mark a hotfix release.</summary>
    public Regex HotfixPattern { get; }
}
