using PolicyKit.Policies.Checks.PodSecurity;
using static PolicyKit.Policies.Tests.PodSecurity.PodSecurityHarness;

namespace PolicyKit.Policies.Tests.PodSecurity;

/// <summary>
/// Upstream's <c>procMount_restricted</c> overrides <c>procMount</c> at Restricted from v1.35 (<c>OverrideCheckIDs</c>), as
/// <c>restrictedVolumes</c> overrides <c>hostPathVolumes</c>: an unmasked /proc is one failure there, not two.
/// </summary>
public sealed class ProcMountOverrideTests
{
    private const string UnmaskedOnHostUsers = """
        apiVersion: v1
        kind: Pod
        metadata:
          name: odoo
        spec:
          securityContext:
            runAsNonRoot: true
            seccompProfile: { type: RuntimeDefault }
          containers:
            - name: odoo
              image: odoo:17.0
              securityContext:
                allowPrivilegeEscalation: false
                capabilities: { drop: [ALL] }
                procMount: Unmasked
        """;

    [Theory]
    [InlineData("v1.35")]
    [InlineData("latest")]
    public void At_restricted_from_v1_35_only_procMount_restricted_fails(string version)
    {
        Assert.Equal(["procMount_restricted"], FailingControls(UnmaskedOnHostUsers, PodSecurityLevel.Restricted, version));
    }

    [Fact]
    public void At_restricted_before_v1_35_procMount_fails()
    {
        Assert.Equal(["procMount"], FailingControls(UnmaskedOnHostUsers, PodSecurityLevel.Restricted, "v1.34"));
    }

    [Fact]
    public void At_baseline_procMount_still_fails()
    {
        Assert.Equal(["procMount"], FailingControls(UnmaskedOnHostUsers, PodSecurityLevel.Baseline, "latest"));
    }
}
