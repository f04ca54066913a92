using PolicyKit.Policies.Checks.PodSecurity;

namespace PolicyKit.Policies.Tests.PodSecurity;

public sealed class PodSecurityVersionTests
{
    [Theory]
    [InlineData("latest", true, 0)]
    [InlineData("v1.0", false, 0)]
    [InlineData("v1.9", false, 9)]
    [InlineData("v1.30", false, 30)]
    [InlineData("v1.37", false, 37)]
    [InlineData("v1.120", false, 120)]
    public void Versions_are_parsed_as_the_admission_controller_parses_them(string text, bool latest, int minor)
    {
        Assert.True(PodSecurityVersion.TryParse(text, out var version));
        Assert.Equal(latest, version.IsLatest);
        if (!latest)
        {
            Assert.Equal(minor, version.Minor);
        }

        Assert.Equal(text, version.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("Latest")]
    [InlineData("1.30")]
    [InlineData("v1.030")]
    [InlineData("v1.00")]
    [InlineData("v2.0")]
    [InlineData("v1.")]
    [InlineData("v1.-1")]
    [InlineData("v1.30.0")]
    [InlineData(" v1.30")]
    [InlineData(null)]
    public void Anything_else_is_not_a_version(string? text) => Assert.False(PodSecurityVersion.TryParse(text, out _));

    [Fact]
    public void Latest_and_future_versions_judge_as_the_newest_known_version()
    {
        Assert.Equal(37, PodSecurityStandard.NewestMinor);
        Assert.Equal(37, PodSecurityVersion.Latest.EffectiveMinor);
        Assert.Equal(37, PodSecurityVersion.Of(99).EffectiveMinor);
        Assert.Equal(12, PodSecurityVersion.Of(12).EffectiveMinor);
    }

    [Theory]
    [InlineData("privileged", PodSecurityLevel.Privileged)]
    [InlineData("baseline", PodSecurityLevel.Baseline)]
    [InlineData("restricted", PodSecurityLevel.Restricted)]
    public void Levels_are_the_three_lowercase_names(string text, PodSecurityLevel expected)
    {
        Assert.True(PodSecurityLevels.TryParse(text, out var level));
        Assert.Equal(expected, level);
        Assert.Equal(text, level.ToName());
    }

    [Theory]
    [InlineData("Restricted")]
    [InlineData("BASELINE")]
    [InlineData("strict")]
    [InlineData("")]
    public void Other_level_spellings_are_rejected(string text) => Assert.False(PodSecurityLevels.TryParse(text, out _));

    [Fact]
    public void Every_control_carries_its_upstream_identifier_and_first_version()
    {
        var expected = new (string Id, PodSecurityLevel Level, int Since)[]
        {
            ("hostNamespaces", PodSecurityLevel.Baseline, 0), ("privileged", PodSecurityLevel.Baseline, 0),
            ("capabilities_baseline", PodSecurityLevel.Baseline, 0), ("hostPathVolumes", PodSecurityLevel.Baseline, 0),
            ("hostPorts", PodSecurityLevel.Baseline, 0), ("appArmorProfile", PodSecurityLevel.Baseline, 0),
            ("seLinuxOptions", PodSecurityLevel.Baseline, 0), ("procMount", PodSecurityLevel.Baseline, 0),
            ("seccompProfile_baseline", PodSecurityLevel.Baseline, 0), ("sysctls", PodSecurityLevel.Baseline, 0),
            ("windowsHostProcess", PodSecurityLevel.Baseline, 0), ("hostProbesAndHostLifecycle", PodSecurityLevel.Baseline, 34),
            ("restrictedVolumes", PodSecurityLevel.Restricted, 0), ("allowPrivilegeEscalation", PodSecurityLevel.Restricted, 8),
            ("runAsNonRoot", PodSecurityLevel.Restricted, 0), ("runAsUser", PodSecurityLevel.Restricted, 23),
            ("seccompProfile_restricted", PodSecurityLevel.Restricted, 19), ("capabilities_restricted", PodSecurityLevel.Restricted, 22),
            ("procMount_restricted", PodSecurityLevel.Restricted, 35),
        };

        Assert.Equal(expected.Length, PodSecurityStandard.Controls.Count);
        foreach (var (id, level, since) in expected)
        {
            var control = PodSecurityStandard.Get(id);
            Assert.Equal(level, control.Level);
            Assert.Equal(since, control.Since);
        }
    }

    [Fact]
    public void Each_pss_rule_names_the_control_its_check_implements()
    {
        var rules = System.Linq.Enumerable.ToList(System.Linq.Enumerable.Where(PolicyKit.Policies.Rules.RuleCatalog.BuiltIn.Rules, r => r.Pack.Name == "pss"));

        Assert.Equal(19, rules.Count);
        foreach (var rule in rules)
        {
            var check = Assert.IsType<PodSecurityCheck>(rule.Check);
            Assert.Equal(check.Control.Id, rule.UpstreamControl);
            Assert.Equal("pod-security", rule.Category);
            // An enforcing namespace rejects a violating pod outright, whatever the level: the gate blocks it by default.
            Assert.Equal(PolicyKit.Policies.Rules.Severity.High, rule.Severity);
        }
    }
}
