using System.Collections.Generic;

namespace PolicyKit.Policies.Checks.PodSecurity;

/// <summary>
/// One control's failures on one pod, per implementation of the control, waiting for the pod's Namespace to say which
/// level and version judge it. Settled the way the PodSecurity admission controller decides: <c>enforce</c> first, then
/// what only <c>audit</c> or <c>warn</c> would add.
/// </summary>
internal sealed class PodSecurityJudgement : DeferredJudgement
{
    private readonly PodSecurityControl control;
    private readonly string namespaceName;
    private readonly PodSecurityTarget defaults;
    private readonly ControlFailure?[] failures;

    /// <param name="control">The control judged.</param>
    /// <param name="namespaceName">The namespace the pod runs in, whose labels (if the input defines it) decide.</param>
    /// <param name="defaults">The level and version where no namespace label decides (command line, environment, policy).</param>
    /// <param name="failures">The failure of each implementation, in the order of <see cref="PodSecurityControl.Versions"/>; null where it passed.</param>
    public PodSecurityJudgement(PodSecurityControl control, string namespaceName, PodSecurityTarget defaults, ControlFailure?[] failures)
    {
        this.control = control;
        this.namespaceName = namespaceName;
        this.defaults = defaults;
        this.failures = failures;
    }

    public override void Settle(StreamFacts facts, ViolationSink sink)
    {
        facts.Namespaces.TryGetValue(namespaceName, out var labels);
        var policy = PodSecurityPolicy.Resolve(defaults, namespaceName, labels);
        if (policy.IsFullyPrivileged)
        {
            return;
        }

        var enforce = control.ImplementationAt(policy.Enforce.Level, policy.Enforce.Minor);
        if (enforce >= 0 && FailureOf(enforce) is { } enforced)
        {
            Report(sink, enforced, policy.Enforce, "enforce", "violates", advisory: false);
            return;
        }

        // audit and warn only add what enforce does not already reject; an implementation that already passed passes again.
        var audit = control.ImplementationAt(policy.Audit.Level, policy.Audit.Minor);
        var warn = control.ImplementationAt(policy.Warn.Level, policy.Warn.Minor);
        var audited = audit >= 0 && audit != enforce ? FailureOf(audit) : null;
        var warned = warn < 0 || warn == enforce ? null : warn == audit ? audited : FailureOf(warn);
        if (audited is not null)
        {
            var mode = warned is null ? "audit" : "audit,warn";
            Report(sink, audited, policy.Audit, mode, "would violate (" + mode.Replace(",", ", ") + ")", advisory: true);
        }
        else if (warned is not null)
        {
            Report(sink, warned, policy.Warn, "warn", "would violate (warn)", advisory: true);
        }
    }

    /// <summary>The failure of the implementation that starts at minor version <paramref name="implementation"/>, if it failed.</summary>
    private ControlFailure? FailureOf(int implementation)
    {
        var versions = control.Versions;
        for (var i = 0; i < versions.Count; i++)
        {
            if (versions[i] == implementation)
            {
                return failures[i];
            }
        }

        return null;
    }

    private static void Report(ViolationSink sink, ControlFailure failure, PodSecurityTarget target, string mode, string verdict, bool advisory)
    {
        var level = target.Level.ToName();
        var version = target.Version.ToString();
        var arguments = new[]
        {
            ViolationSink.Argument("verdict", verdict),
            ViolationSink.Argument("level", level),
            ViolationSink.Argument("version", version),
            ViolationSink.Argument("reason", failure.Reason),
            ViolationSink.Argument("detail", failure.Detail),
        };
        var properties = new List<KeyValuePair<string, string>>(4)
        {
            ViolationSink.Argument("podSecurityLevel", level),
            ViolationSink.Argument("podSecurityMode", mode),
            ViolationSink.Argument("podSecuritySource", target.Source),
            ViolationSink.Argument("podSecurityVersion", version),
        };
        sink.Report(failure.Line, failure.Column, failure.FieldPath, arguments, properties, advisory, failure.Image, failure.Located);
    }
}
