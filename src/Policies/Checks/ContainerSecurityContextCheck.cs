using PolicyKit.Policies.Model;
using PolicyKit.Policies.Yaml;

namespace PolicyKit.Policies.Checks;

/// <summary>
/// A field of the container's <c>securityContext</c> must (or must not) hold a value. With <c>inheritFromPod</c>, the
/// pod's <c>securityContext</c> supplies the value when the container leaves it unset, as the kubelet does.
/// </summary>
public sealed class ContainerSecurityContextCheck : ContainerCheck
{
    private readonly string field;
    private readonly ValueExpectation expectation;
    private readonly bool inheritFromPod;

    public ContainerSecurityContextCheck(CheckParameters parameters)
        : base(parameters)
    {
        field = parameters.GetRequiredString("field");
        expectation = parameters.GetExpectation();
        inheritFromPod = parameters.GetBool("inheritFromPod", false);
    }

    protected override void EvaluateContainer(PodSpecView podSpec, ContainerView container, ViolationSink sink)
    {
        var value = container.Node.GetMapping("securityContext")?.Get(field);
        var path = container.Path + ".securityContext." + field;
        if (ValueExpectation.IsAbsent(value) && inheritFromPod)
        {
            value = podSpec.SecurityContext?.Get(field);
            path = podSpec.Path + ".securityContext." + field;
        }

        if (ValueExpectation.IsAbsent(value))
        {
            if (expectation.AbsentFails)
            {
                sink.Report(
                    container.Anchor,
                    container.Path + ".securityContext." + field,
                    ViolationSink.Argument("container", container.Name),
                    ViolationSink.Argument("field", field),
                    ViolationSink.Argument("value", "unset"));
            }

            return;
        }

        if (expectation.IsViolatedBy(value!))
        {
            sink.Report(
                value!,
                path,
                ViolationSink.Argument("container", container.Name),
                ViolationSink.Argument("field", field),
                ViolationSink.Argument("value", (value as ScalarNode)?.Value ?? "a non-scalar value"));
        }
    }
}
