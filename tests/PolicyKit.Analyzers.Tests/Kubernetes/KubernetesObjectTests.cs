using System.Threading.Tasks;
using PolicyKit.Analyzers.Kubernetes;

namespace PolicyKit.Analyzers.Tests.Kubernetes;

public sealed class KubernetesObjectTests
{
    private const string HardenedContainer = """
        new V1Container
                    {
                        Name = "odoo",
                        Image = "odoo:17.0@sha256:3f0338f9cc5af2c911f3f41afa8db89bddf771b563497e9c68f84f3b09cfca00",
                        Resources = new V1ResourceRequirements
                        {
                            Requests = new Dictionary<string, ResourceQuantity> { ["cpu"] = new ResourceQuantity("500m"), ["memory"] = new ResourceQuantity("1Gi") },
                            Limits = new Dictionary<string, ResourceQuantity> { ["memory"] = new ResourceQuantity("2Gi") },
                        },
                        SecurityContext = new V1SecurityContext { AllowPrivilegeEscalation = false, RunAsNonRoot = true },
                    }
        """;

    [Fact]
    public Task A_hardened_deployment_built_in_csharp_has_no_finding() =>
        Verify.AnalyzerAsync<KubernetesObjectAnalyzer>($$"""
            using System.Collections.Generic;
            using k8s.Models;

            class Builder
            {
                V1Deployment Deployment() => new V1Deployment
                {
                    Metadata = new V1ObjectMeta { Name = "odoo" },
                    Spec = new V1DeploymentSpec
                    {
                        Selector = new V1LabelSelector { MatchLabels = new Dictionary<string, string> { ["app"] = "odoo" } },
                        Template = new V1PodTemplateSpec
                        {
                            Spec = new V1PodSpec
                            {
                                Containers = new List<V1Container>
                                {
                                    {{HardenedContainer}},
                                },
                            },
                        },
                    },
                };
            }
            """);

    [Fact]
    public Task Privileged_latest_host_network_host_path_and_added_capabilities_are_reported_at_their_members_with_the_manifest_messages()
    {
        var test = Verify.Analyzer<KubernetesObjectAnalyzer>("""
            using System.Collections.Generic;
            using k8s.Models;

            class Builder
            {
                V1Pod Pod() => new V1Pod
                {
                    Metadata = new V1ObjectMeta { Name = "odoo" },
                    Spec = new V1PodSpec
                    {
                        {|#0:HostNetwork = true|},
                        Containers = new List<V1Container>
                        {
                            new V1Container
                            {
                                Name = "odoo",
                                {|#1:Image = "odoo:latest"|},
                                SecurityContext = new V1SecurityContext
                                {
                                    {|#2:Privileged = true|},
                                    Capabilities = new V1Capabilities { Add = new List<string> { {|#3:"NET_ADMIN"|} } },
                                },
                            },
                        },
                        Volumes = new List<V1Volume>
                        {
                            new V1Volume { Name = "filestore", {|#4:HostPath = new V1HostPathVolumeSource { Path = "/var/lib/odoo" }|} },
                        },
                    },
                };
            }
            """);
        test.DisabledDiagnostics.AddRange(new[] { "PK1001", "PK1003", "PK1004", "PK1008", "PK1009" });
        test.ExpectedDiagnostics.Add(Verify.Diagnostic("PK1011").WithLocation(0).WithArguments("Pod \"odoo\" sets hostNetwork: true and shares the node's namespace; remove it or add an exception"));
        test.ExpectedDiagnostics.Add(Verify.Diagnostic("PK1002").WithLocation(1));
        test.ExpectedDiagnostics.Add(Verify.Diagnostic("PK1007").WithLocation(2).WithArguments("container \"odoo\" sets securityContext.privileged: true; remove it or add an exception"));
        test.ExpectedDiagnostics.Add(Verify.Diagnostic("PK2003").WithLocation(3));
        test.ExpectedDiagnostics.Add(Verify.Diagnostic("PK1012").WithLocation(4));
        return test.RunAsync();
    }

    [Fact]
    public Task A_container_built_alone_is_judged_and_missing_settings_are_reported_at_its_name()
    {
        var test = Verify.Analyzer<KubernetesObjectAnalyzer>("""
            using k8s.Models;

            class Builder
            {
                V1Container Sidecar() => new V1Container
                {
                    {|#0:Name = "exporter"|},
                    Image = "prom/postgres-exporter:v0.15.0",
                };
            }
            """);
        test.DisabledDiagnostics.Add("PK1001");
        test.ExpectedDiagnostics.Add(Verify.Diagnostic("PK1003").WithLocation(0));
        test.ExpectedDiagnostics.Add(Verify.Diagnostic("PK1004").WithLocation(0));
        test.ExpectedDiagnostics.Add(Verify.Diagnostic("PK1008").WithLocation(0));
        test.ExpectedDiagnostics.Add(Verify.Diagnostic("PK1009").WithLocation(0));
        return test.RunAsync();
    }

    [Fact]
    public Task Nothing_is_judged_missing_from_an_object_with_members_set_from_variables_but_its_constant_parts_still_are() =>
        Verify.AnalyzerAsync<KubernetesObjectAnalyzer>("""
            using k8s.Models;

            class Builder
            {
                V1Container Worker(string image, V1ResourceRequirements resources) => new V1Container
                {
                    Name = "worker",
                    Image = image,
                    Resources = resources,
                    SecurityContext = new V1SecurityContext { AllowPrivilegeEscalation = false, RunAsNonRoot = true, {|#0:Privileged = true|} },
                };
            }
            """,
            Verify.Diagnostic("PK1007").WithLocation(0));

    [Fact]
    public Task Without_KubernetesClient_types_of_the_same_name_are_ignored() =>
        Verify.AnalyzerAsync<KubernetesObjectAnalyzer>("""
            namespace Mine
            {
                class V1Container { public bool Privileged { get; set; } }

                class Builder
                {
                    V1Container Make() => new V1Container { Privileged = true };
                }
            }
            """);
}
