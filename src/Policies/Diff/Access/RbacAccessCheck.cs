using System.Collections.Generic;
using System.Linq;
using PolicyKit.Policies.Checks;
using PolicyKit.Policies.Exceptions;
using PolicyKit.Policies.Model;

namespace PolicyKit.Policies.Diff.Access;

/// <summary>
/// <c>check: rbac-access</c>: the static side of the privileged-access diff. Reports a <c>Role</c>, <c>ClusterRole</c>
/// or binding that holds an RBAC privilege (<c>grant</c>, an <see cref="AccessFactKinds"/> code), optionally only for
/// some subjects (globs such as <c>ServiceAccount */default</c>) or values (verbs); the rule's <c>match</c> narrows kinds.
/// </summary>
public sealed class RbacAccessCheck : Check
{
    private static readonly string[] Grants =
    {
        AccessFactKinds.Secrets, AccessFactKinds.WildcardVerbs, AccessFactKinds.WildcardResources, AccessFactKinds.EscalationVerb,
        AccessFactKinds.SensitiveSubresource, AccessFactKinds.PowerfulRoleBinding, AccessFactKinds.BroadSubjectBinding,
    };

    private readonly string grant;
    private readonly IReadOnlyList<ScopePattern> subjects;
    private readonly IReadOnlyList<string> values;

    public RbacAccessCheck(CheckParameters parameters)
    {
        grant = parameters.GetRequiredString("grant");
        if (!Grants.Contains(grant))
        {
            throw parameters.Error(null, $"parameter 'grant' must be one of {string.Join(", ", Grants)}");
        }

        subjects = parameters.GetStringList("subjects", System.Array.Empty<string>()).Select(s => new ScopePattern(s)).ToList();
        values = parameters.GetStringList("values", System.Array.Empty<string>());
    }

    public override bool AppliesToKind(string kind) => kind is "Role" or "ClusterRole" or "RoleBinding" or "ClusterRoleBinding";

    public override void Evaluate(Resource resource, ViolationSink sink)
    {
        if (!RbacAccessFacts.Applies(resource.Identity))
        {
            return;
        }

        var facts = new List<AccessFact>();
        RbacAccessFacts.Collect(resource, facts);
        foreach (var fact in facts.Where(f => f.Kind == grant))
        {
            if ((subjects.Count > 0 && !subjects.Any(s => s.IsMatch(fact.Subject)))
                || (values.Count > 0 && !fact.Values.Any(values.Contains)))
            {
                continue;
            }

            sink.Report(
                fact.Line,
                fact.Column,
                fact.FieldPath,
                new[]
                {
                    ViolationSink.Argument("grant", fact.Description),
                    ViolationSink.Argument("subject", fact.Subject),
                    ViolationSink.Argument("values", fact.ValueText),
                },
                new[] { new KeyValuePair<string, string>("grant", fact.Kind) },
                advisory: false);
        }
    }
}
