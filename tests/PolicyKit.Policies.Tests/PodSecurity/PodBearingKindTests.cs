using System.Linq;
using PolicyKit.Policies.Checks.PodSecurity;
using static PolicyKit.Policies.Tests.PodSecurity.PodSecurityHarness;

namespace PolicyKit.Policies.Tests.PodSecurity;

/// <summary>Every pod-bearing kind is judged through its template, and findings point into it.</summary>
public sealed class PodBearingKindTests
{
    [Theory]
    [InlineData("v1", "Pod", "", "spec")]
    [InlineData("v1", "PodTemplate", "template:\n", "template.spec")]
    [InlineData("apps/v1", "Deployment", "spec:\n  template:\n", "spec.template.spec")]
    [InlineData("apps/v1", "StatefulSet", "spec:\n  template:\n", "spec.template.spec")]
    [InlineData("apps/v1", "DaemonSet", "spec:\n  template:\n", "spec.template.spec")]
    [InlineData("apps/v1", "ReplicaSet", "spec:\n  template:\n", "spec.template.spec")]
    [InlineData("v1", "ReplicationController", "spec:\n  template:\n", "spec.template.spec")]
    [InlineData("batch/v1", "Job", "spec:\n  template:\n", "spec.template.spec")]
    [InlineData("batch/v1", "CronJob", "spec:\n  jobTemplate:\n    spec:\n      template:\n", "spec.jobTemplate.spec.template.spec")]
    public void Templates_are_judged_and_findings_name_the_field_inside_them(string apiVersion, string kind, string wrapper, string specPath)
    {
        var depth = wrapper.Split('\n').Length - 1;
        var indent = new string(' ', 2 * depth);
        var body = string.Join("\n", new[]
        {
            "metadata:",
            "  annotations:",
            "    container.apparmor.security.beta.kubernetes.io/odoo: unconfined",
            "spec:",
            "  containers:",
            "    - name: odoo",
            "      image: odoo:17.0",
            "      securityContext:",
            "        privileged: true",
        }.Select(l => indent + l));
        var manifest = $"apiVersion: {apiVersion}\nkind: {kind}\nmetadata:\n  name: odoo\n{wrapper}{body}\n";

        var result = Evaluate(manifest, At(PodSecurityLevel.Baseline, "latest"));

        var privileged = Assert.Single(result.Findings, f => f.Check == "privileged");
        Assert.Equal(specPath + ".containers[name=odoo].securityContext.privileged", privileged.FieldPath);
        Assert.Equal(manifest.Split('\n').ToList().FindIndex(l => l.Contains("privileged: true")) + 1, privileged.Line);

        var metadataPath = specPath.Substring(0, specPath.Length - "spec".Length) + "metadata";
        var appArmor = Assert.Single(result.Findings, f => f.Check == "appArmorProfile");
        Assert.Equal(metadataPath + ".annotations[container.apparmor.security.beta.kubernetes.io/odoo]", appArmor.FieldPath);
    }

    [Fact]
    public void Kinds_without_a_pod_spec_are_not_judged()
    {
        const string configMap = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: odoo\ndata:\n  hostNetwork: \"true\"\n";

        Assert.Empty(Evaluate(configMap, At(PodSecurityLevel.Restricted, "latest")).Findings);
    }
}
