using System.Linq;

namespace PolicyKit.Policies.Tests.Checks;

public sealed class SecurityContextTests
{
    [Fact]
    public void A_container_override_beats_the_pod_setting()
    {
        var findings = Evaluate.Findings("""
            apiVersion: v1
            kind: Pod
            metadata:
              name: p
            spec:
              securityContext:
                runAsNonRoot: true
              containers:
                - name: ok
                  image: odoo:17.0
                - name: root
                  image: odoo:17.0
                  securityContext:
                    runAsNonRoot: false
            """, "PK1009");

        var finding = Assert.Single(findings);
        Assert.Equal((14, 23), (finding.Line, finding.Column));
        Assert.Equal("spec.containers[name=root].securityContext.runAsNonRoot", finding.FieldPath);
    }

    [Fact]
    public void Init_and_ephemeral_containers_are_checked_like_containers()
    {
        var findings = Evaluate.Findings("""
            apiVersion: v1
            kind: Pod
            metadata:
              name: p
            spec:
              initContainers:
                - name: init
                  image: busybox:1.36
                  securityContext: { privileged: true }
              containers:
                - name: app
                  image: odoo:17.0
              ephemeralContainers:
                - name: debug
                  image: busybox:1.36
                  securityContext: { privileged: true }
            """, "PK1007");

        Assert.Equal(new[] { "init", "debug" }, findings.Select(f => f.Message.Split('"')[1]));
    }

    [Fact]
    public void A_cronjob_finding_names_the_full_template_path()
    {
        var finding = Assert.Single(Evaluate.Findings("""
            apiVersion: batch/v1
            kind: CronJob
            metadata:
              name: backup
              namespace: odoo
            spec:
              schedule: "0 2 * * *"
              jobTemplate:
                spec:
                  template:
                    spec:
                      hostNetwork: true
                      containers:
                        - name: backup
                          image: rclone/rclone:1.68
            """, "PK1011"));

        Assert.Equal("spec.jobTemplate.spec.template.spec.hostNetwork", finding.FieldPath);
        Assert.Equal(12, finding.Line);
        Assert.Equal("CronJob", finding.Resource!.Kind);
        Assert.Equal("odoo", finding.Resource.Namespace);
    }
}
