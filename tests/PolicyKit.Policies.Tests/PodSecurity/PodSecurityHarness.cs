using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using PolicyKit.Policies.Checks.PodSecurity;
using PolicyKit.Policies.Configuration;
using PolicyKit.Policies.Evaluation;
using PolicyKit.Policies.Loading;

namespace PolicyKit.Policies.Tests.PodSecurity;

/// <summary>Builds pods the way upstream's fixtures do (a minimal valid pod per level and version, then one tweak) and judges them.</summary>
internal static class PodSecurityHarness
{
    /// <summary>The minimal pod that passes <paramref name="level"/> at <paramref name="minor"/>, like upstream's test fixtures.</summary>
    public static JsonObject MinimalValidPod(PodSecurityLevel level, int minor)
    {
        var pod = new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Pod",
            ["metadata"] = new JsonObject { ["name"] = "fixture" },
            ["spec"] = new JsonObject
            {
                ["initContainers"] = new JsonArray(new JsonObject { ["name"] = "initcontainer1", ["image"] = "registry.k8s.io/pause" }),
                ["containers"] = new JsonArray(new JsonObject { ["name"] = "container1", ["image"] = "registry.k8s.io/pause" }),
            },
        };
        if (level != PodSecurityLevel.Restricted)
        {
            return pod;
        }

        Spec(pod)["securityContext"] = new JsonObject { ["runAsNonRoot"] = true };
        if (minor >= 8)
        {
            foreach (var container in AllContainers(pod))
            {
                container["securityContext"] = new JsonObject { ["allowPrivilegeEscalation"] = false };
            }
        }

        if (minor >= 19)
        {
            PodSecurityContext(pod)["seccompProfile"] = new JsonObject { ["type"] = "RuntimeDefault" };
        }

        if (minor >= 22)
        {
            foreach (var container in AllContainers(pod))
            {
                SecurityContext(container)["capabilities"] = new JsonObject { ["drop"] = new JsonArray("ALL") };
            }
        }

        return pod;
    }

    public static JsonObject Spec(JsonObject pod) => pod["spec"]!.AsObject();

    public static JsonObject Container(JsonObject pod) => Spec(pod)["containers"]![0]!.AsObject();

    public static JsonObject InitContainer(JsonObject pod) => Spec(pod)["initContainers"]![0]!.AsObject();

    public static IEnumerable<JsonObject> AllContainers(JsonObject pod) => new[] { InitContainer(pod), Container(pod) };

    public static JsonObject PodSecurityContext(JsonObject pod) => Ensure(Spec(pod), "securityContext");

    public static JsonObject SecurityContext(JsonObject container) => Ensure(container, "securityContext");

    public static JsonObject Annotations(JsonObject pod) => Ensure(pod["metadata"]!.AsObject(), "annotations");

    public static JsonObject Ensure(JsonObject parent, string key)
    {
        if (parent[key] is JsonObject existing)
        {
            return existing;
        }

        var created = new JsonObject();
        parent[key] = created;
        return created;
    }

    /// <summary>A copy with <paramref name="change"/> applied, like upstream's <c>tweak</c>.</summary>
    public static JsonObject Tweak(JsonObject pod, Action<JsonObject> change)
    {
        var copy = JsonNode.Parse(pod.ToJsonString())!.AsObject();
        change(copy);
        return copy;
    }

    public static string ToJson(JsonObject node) => node.ToJsonString(new JsonSerializerOptions { WriteIndented = true });

    public static EvaluationResult Evaluate(string manifest, PodSecuritySettings? cli, PolicyConfig? config = null, string fileName = "pod.yaml") =>
        PolicyEngine.Evaluate(new EvaluationRequest(new[] { ManifestSource.FromText(fileName, manifest) }, config ?? PolicyConfig.Defaults("/"))
        {
            PodSecurity = cli,
            Categories = new[] { "pod-security" },
            MaxParallelism = 1,
        });

    public static PodSecuritySettings At(PodSecurityLevel level, int minor) => new(level, PodSecurityVersion.Of(minor));

    public static PodSecuritySettings At(PodSecurityLevel level, string version)
    {
        Assert.True(PodSecurityVersion.TryParse(version, out var parsed), version);
        return new PodSecuritySettings(level, parsed);
    }

    /// <summary>The upstream controls that fail (any mode), sorted.</summary>
    public static IReadOnlyList<string> FailingControls(EvaluationResult result) =>
        result.Findings.Where(f => f.Check is not null).Select(f => f.Check!).Distinct().OrderBy(c => c, StringComparer.Ordinal).ToList();

    public static IReadOnlyList<string> FailingControls(JsonObject pod, PodSecurityLevel level, int minor) =>
        FailingControls(Evaluate(ToJson(pod), At(level, minor)));

    public static IReadOnlyList<string> FailingControls(string manifest, PodSecurityLevel level, string version) =>
        FailingControls(Evaluate(manifest, At(level, version)));
}
