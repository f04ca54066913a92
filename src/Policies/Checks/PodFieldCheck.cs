using System.Collections.Generic;
using PolicyKit.Policies.Model;
using PolicyKit.Policies.Yaml;

namespace PolicyKit.Policies.Checks;

/// <summary>Fields of the pod spec itself (host namespaces, token automounting…) must (or must not) hold a value.</summary>
public sealed class PodFieldCheck : PodCheck
{
    private readonly IReadOnlyList<string> fields;
    private readonly ValueExpectation expectation;

    public PodFieldCheck(CheckParameters parameters)
    {
        fields = parameters.GetStringList("fields", System.Array.Empty<string>());
        if (fields.Count == 0)
        {
            throw parameters.Error(null, "parameter 'fields' must name at least one pod spec field");
        }

        expectation = parameters.GetExpectation();
    }

    protected override void EvaluatePod(PodSpecView podSpec, ViolationSink sink)
    {
        foreach (var field in fields)
        {
            var value = podSpec.Spec.Get(field);
            if (ValueExpectation.IsAbsent(value))
            {
                if (expectation.AbsentFails)
                {
                    sink.Report(podSpec.Spec, podSpec.Path + "." + field, ViolationSink.Argument("field", field), ViolationSink.Argument("value", "unset"));
                }

                continue;
            }

            if (expectation.IsViolatedBy(value!))
            {
                sink.Report(
                    value!,
                    podSpec.Path + "." + field,
                    ViolationSink.Argument("field", field),
                    ViolationSink.Argument("value", (value as ScalarNode)?.Value ?? "a non-scalar value"));
            }
        }
    }
}
