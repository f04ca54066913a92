using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using PolicyKit.Policies.Evaluation;
using PolicyKit.Policies.Model;
using PolicyKit.Policies.Rules;
using PolicyKit.Policies.Yaml;

namespace PolicyKit.Policies.Tests.Evaluation;

/// <summary>
/// Findings outlive the files they come from, so they must not keep parse trees alive: memory would grow with the number
/// of findings instead of staying bounded by the largest file.
/// </summary>
public sealed class FindingMemoryTests
{
    private const string Tenant = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: odoo-web
          namespace: odoo-acme
          labels: { tier: web }
        spec:
          template:
            spec:
              containers:
                - name: odoo
                  image: odoo:latest
                  securityContext: { privileged: true }
        ---
        apiVersion: v1
        kind: Namespace
        metadata:
          name: odoo-acme
          labels:
            pod-security.kubernetes.io/enforce: restricted
        """;

    [Fact]
    public void No_finding_reaches_a_parse_tree_or_a_resource()
    {
        var result = Evaluate.Text(Tenant);
        Assert.Contains(result.Findings, f => f.Check is not null);
        Assert.Contains(result.Findings, f => f.RuleId == "PK1002");

        var reached = Reachable(result.Findings);

        Assert.DoesNotContain(reached, o => o is YamlNode || o is Resource);
    }

    [Fact]
    public void Findings_keep_the_labels_and_image_exception_scopes_select_by()
    {
        var result = Evaluate.Text(Tenant);

        var image = Assert.Single(result.Findings, f => f.RuleId == "PK1002");
        Assert.Equal("odoo:latest", image.Image);
        Assert.Equal("web", image.Labels["tier"]);
    }

    /// <summary>Every object reachable from <paramref name="root"/> through fields, except the shared rule catalogue.</summary>
    private static List<object> Reachable(object root)
    {
        var seen = new HashSet<object>(ReferenceEqualityComparer.Instance);
        var pending = new Stack<object>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            var current = pending.Pop();
            if (current is string || current is Rule || current is Type || !seen.Add(current))
            {
                continue;
            }

            if (current is IEnumerable sequence and not IDictionary)
            {
                foreach (var item in sequence)
                {
                    if (item is not null && !item.GetType().IsPrimitive)
                    {
                        pending.Push(item);
                    }
                }
            }

            for (var type = current.GetType(); type is not null; type = type.BaseType)
            {
                foreach (var field in type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
                {
                    if (!field.FieldType.IsPrimitive && !field.FieldType.IsPointer && field.GetValue(current) is { } value && !value.GetType().IsPrimitive)
                    {
                        pending.Push(value);
                    }
                }
            }
        }

        return seen.ToList();
    }
}
