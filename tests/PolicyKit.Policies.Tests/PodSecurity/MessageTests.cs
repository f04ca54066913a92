using System.Linq;
using PolicyKit.Policies.Checks.PodSecurity;
using static PolicyKit.Policies.Tests.PodSecurity.PodSecurityHarness;

namespace PolicyKit.Policies.Tests.PodSecurity;

/// <summary>One finding per failing control per resource, naming every offending container and field, at the first one.</summary>
public sealed class MessageTests
{
    private static string Message(string manifest, string control, PodSecurityLevel level = PodSecurityLevel.Restricted, string version = "latest") =>
        Evaluate(manifest, At(level, version)).Findings.Single(f => f.Check == control).Message;

    private const string Pod = """
        apiVersion: v1
        kind: Pod
        metadata:
          name: odoo
        spec:
          initContainers:
            - name: addons
              image: busybox:1.36
              securityContext:
                privileged: true
                runAsNonRoot: false
          containers:
            - name: odoo
              image: odoo:17.0
              ports:
                - containerPort: 8069
                  hostPort: 8069
              securityContext:
                privileged: true
                capabilities:
                  add: [NET_RAW, SYS_ADMIN]
            - name: nginx
              image: nginx:1.27
              ports:
                - containerPort: 80
                  hostPort: 80
        """;

    [Fact]
    public void One_finding_lists_every_offending_container_in_visiting_order()
    {
        var findings = Evaluate(Pod, At(PodSecurityLevel.Baseline, "latest")).Findings.Where(f => f.Check == "privileged").ToList();

        var finding = Assert.Single(findings);
        Assert.EndsWith("privileged (containers \"addons\", \"odoo\" must not set securityContext.privileged=true)", finding.Message);
        Assert.Equal(10, finding.Line);
        Assert.Equal("spec.initContainers[name=addons].securityContext.privileged", finding.FieldPath);
    }

    [Fact]
    public void Messages_follow_upstreams_reasons_and_details()
    {
        Assert.EndsWith("hostPort (containers \"odoo\", \"nginx\" use hostPorts 80, 8069)", Message(Pod, "hostPorts", PodSecurityLevel.Baseline));
        Assert.EndsWith("non-default capabilities (container \"odoo\" must not include \"NET_RAW\", \"SYS_ADMIN\" in securityContext.capabilities.add)", Message(Pod, "capabilities_baseline", PodSecurityLevel.Baseline));
        Assert.EndsWith("runAsNonRoot != true (container \"addons\" must not set securityContext.runAsNonRoot=false)", Message(Pod, "runAsNonRoot"));
        Assert.EndsWith("allowPrivilegeEscalation != false (containers \"addons\", \"odoo\", \"nginx\" must set securityContext.allowPrivilegeEscalation=false)", Message(Pod, "allowPrivilegeEscalation"));
        Assert.EndsWith(
            "unrestricted capabilities (containers \"addons\", \"odoo\", \"nginx\" must set securityContext.capabilities.drop=[\"ALL\"]; container \"odoo\" must not include \"NET_RAW\", \"SYS_ADMIN\" in securityContext.capabilities.add)",
            Message(Pod, "capabilities_restricted"));
        Assert.EndsWith("seccompProfile (pod or containers \"addons\", \"odoo\", \"nginx\" must set securityContext.seccompProfile.type to \"RuntimeDefault\" or \"Localhost\")", Message(Pod, "seccompProfile_restricted"));
    }

    [Fact]
    public void Unset_requirements_point_at_the_container()
    {
        const string pod = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: odoo\nspec:\n  containers:\n    - name: odoo\n      image: odoo:17.0\n";
        var finding = Evaluate(pod, At(PodSecurityLevel.Restricted, "latest")).Findings.Single(f => f.Check == "runAsNonRoot");

        Assert.Equal(7, finding.Line);
        Assert.Equal("spec.containers[name=odoo].securityContext.runAsNonRoot", finding.FieldPath);
        Assert.EndsWith("runAsNonRoot != true (pod or container \"odoo\" must set securityContext.runAsNonRoot=true)", finding.Message);
    }

    [Fact]
    public void Ephemeral_containers_are_judged_like_containers()
    {
        const string pod = """
            apiVersion: v1
            kind: Pod
            metadata:
              name: odoo
            spec:
              containers:
                - name: odoo
                  image: odoo:17.0
              ephemeralContainers:
                - name: debugger
                  image: busybox:1.36
                  securityContext:
                    privileged: true
            """;

        Assert.EndsWith("(container \"debugger\" must not set securityContext.privileged=true)", Message(pod, "privileged", PodSecurityLevel.Baseline));
    }

    [Fact]
    public void Yaml_booleans_and_integers_are_read_as_the_api_server_reads_them()
    {
        const string pod = """
            apiVersion: v1
            kind: Pod
            metadata:
              name: odoo
            spec:
              hostNetwork: yes
              securityContext:
                runAsUser: 00
              containers:
                - name: odoo
                  image: odoo:17.0
                  securityContext:
                    privileged: "true"
            """;
        var controls = FailingControls(pod, PodSecurityLevel.Restricted, "latest");

        Assert.Contains("hostNamespaces", controls);
        Assert.Contains("runAsUser", controls);
        Assert.DoesNotContain("privileged", controls); // a quoted "true" is a string, which the API server would refuse
    }

    [Fact]
    public void Passing_pods_allocate_no_findings_and_restricted_compliant_odoo_passes()
    {
        const string pod = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: odoo-web
            spec:
              template:
                spec:
                  securityContext:
                    runAsNonRoot: true
                    runAsUser: 101
                    seccompProfile:
                      type: RuntimeDefault
                  containers:
                    - name: odoo
                      image: odoo:17.0
                      securityContext:
                        allowPrivilegeEscalation: false
                        capabilities:
                          drop: [ALL]
                  volumes:
                    - name: filestore
                      persistentVolumeClaim:
                        claimName: odoo-filestore
            """;

        Assert.Empty(FailingControls(pod, PodSecurityLevel.Restricted, "latest"));
        Assert.Empty(FailingControls(pod, PodSecurityLevel.Restricted, "v1.0"));
    }
}
