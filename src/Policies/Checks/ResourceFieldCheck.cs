using System;
using System.Collections.Generic;
using PolicyKit.Policies.Model;
using PolicyKit.Policies.Yaml;

namespace PolicyKit.Policies.Checks;

/// <summary>A field anywhere in a resource, addressed by a dotted path, must (or must not) be one of a set of values.</summary>
public sealed class ResourceFieldCheck : Check
{
    private readonly string path;
    private readonly HashSet<string> values;
    private readonly bool mustBeOneOf;
    private readonly bool absentFails;

    public ResourceFieldCheck(CheckParameters parameters)
    {
        path = parameters.GetRequiredString("path");
        var allowed = parameters.GetStringList("mustBeOneOf", Array.Empty<string>());
        var denied = parameters.GetStringList("mustNotBeOneOf", Array.Empty<string>());
        if ((allowed.Count == 0) == (denied.Count == 0))
        {
            throw parameters.Error(null, "exactly one of 'mustBeOneOf' and 'mustNotBeOneOf' is required");
        }

        mustBeOneOf = allowed.Count > 0;
        values = new HashSet<string>(mustBeOneOf ? allowed : denied, StringComparer.Ordinal);
        absentFails = parameters.GetChoice("whenAbsent", new[] { "pass", "fail" }, "pass") == "fail";
    }

    public override bool AppliesToKind(string kind) => true;

    public override void Evaluate(Resource resource, ViolationSink sink)
    {
        resource.Root.TryGetPath(path, out var value);
        if (ValueExpectation.IsAbsent(value))
        {
            if (absentFails)
            {
                sink.Report(resource.KindNode, path, ViolationSink.Argument("field", path), ViolationSink.Argument("value", "unset"));
            }

            return;
        }

        var text = (value as ScalarNode)?.Value;
        var isListed = text is not null && values.Contains(text);
        if (isListed != mustBeOneOf)
        {
            sink.Report(value!, path, ViolationSink.Argument("field", path), ViolationSink.Argument("value", text ?? "a non-scalar value"));
        }
    }
}
