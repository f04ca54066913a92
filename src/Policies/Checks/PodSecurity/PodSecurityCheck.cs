using System.Collections.Generic;
using PolicyKit.Policies.Model;

namespace PolicyKit.Policies.Checks.PodSecurity;

/// <summary>
/// The check behind each rule of the <c>pss</c> pack: one Pod Security Standards control, judged at the level and version
/// that govern the resource (<see cref="PodSecurityPolicy"/>). A failure under <c>enforce</c> is an ordinary finding; one
/// that only <c>audit</c> or <c>warn</c> would report is advisory and never blocks. At most one finding per resource.
/// </summary>
public sealed class PodSecurityCheck : PodCheck
{
    public PodSecurityCheck(string controlId, CheckParameters parameters)
    {
        _ = parameters;
        Control = PodSecurityStandard.Get(controlId);
    }

    public PodSecurityControl Control { get; }

    public override void Evaluate(Resource resource, ViolationSink sink)
    {
        if (PodSecurityPod.For(resource, sink.Context) is not { } pod || pod.Policy.IsFullyPrivileged)
        {
            return;
        }

        var policy = pod.Policy;
        var enforce = Control.ImplementationAt(policy.Enforce.Level, policy.Enforce.Minor);
        if (enforce >= 0 && Control.Evaluate(pod, enforce) is { } enforced)
        {
            Report(sink, enforced, policy.Enforce, "enforce", "violates", advisory: false);
            return;
        }

        // audit and warn only add what enforce does not already reject; an implementation that already passed passes again.
        var audit = Control.ImplementationAt(policy.Audit.Level, policy.Audit.Minor);
        var warn = Control.ImplementationAt(policy.Warn.Level, policy.Warn.Minor);
        var audited = audit >= 0 && audit != enforce ? Control.Evaluate(pod, audit) : null;
        var warned = warn < 0 || warn == enforce ? null : warn == audit ? audited : Control.Evaluate(pod, warn);
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

    protected override void EvaluatePod(PodSpecView podSpec, ViolationSink sink)
    {
        // Not used: Evaluate needs the whole resource (namespace, pod metadata), not only the pod spec.
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
        sink.Report(failure.At, failure.FieldPath, arguments, properties, advisory);
    }
}
