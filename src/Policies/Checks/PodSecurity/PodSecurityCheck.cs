using PolicyKit.Policies.Exceptions;
using PolicyKit.Policies.Model;

namespace PolicyKit.Policies.Checks.PodSecurity;

/// <summary>
/// The check behind each rule of the <c>pss</c> pack: one Pod Security Standards control, judged at the level and version
/// that govern the resource (<see cref="PodSecurityPolicy"/>). A failure under <c>enforce</c> is an ordinary finding; one
/// that only <c>audit</c> or <c>warn</c> would report is advisory and never blocks. At most one finding per resource.
/// </summary>
/// <remarks>
/// The level and version come from the labels of the resource's Namespace, which may be defined in a file not read yet.
/// So the pod is judged by every implementation of the control while its tree is at hand, and only the failures are kept
/// (<see cref="PodSecurityJudgement"/>); which of them count is settled once every Namespace is known. A pod that passes
/// every implementation, the usual case, leaves nothing behind.
/// </remarks>
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
        if (PodSecurityPod.For(resource) is not { } pod)
        {
            return;
        }

        var versions = Control.Versions;
        ControlFailure?[]? failures = null;
        for (var i = 0; i < versions.Count; i++)
        {
            if (Control.Evaluate(pod, versions[i]) is { } failure)
            {
                failure.Image = ExceptionSubject.ImageAt(resource.Root, failure.FieldPath);
                failure.Located = resource.Source.Rendering?.Locate(resource, failure.FieldPath, failure.Line, failure.Column);
                (failures ??= new ControlFailure?[versions.Count])[i] = failure;
            }
        }

        if (failures is not null)
        {
            sink.Defer(new PodSecurityJudgement(Control, PodSecurityPolicy.NamespaceOf(resource), PodSecurityPolicy.Defaults(sink.Context), failures));
        }
    }

    protected override void EvaluatePod(PodSpecView podSpec, ViolationSink sink)
    {
        // Not used: Evaluate needs the whole resource (namespace, pod metadata), not only the pod spec.
    }
}
