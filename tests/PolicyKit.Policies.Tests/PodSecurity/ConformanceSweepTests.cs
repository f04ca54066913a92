using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using PolicyKit.Policies.Checks.PodSecurity;
using static PolicyKit.Policies.Tests.PodSecurity.PodSecurityHarness;

namespace PolicyKit.Policies.Tests.PodSecurity;

/// <summary>
/// Every control, at every policy version from v1.0 to the newest and at both levels: the minimal valid pod passes, each
/// passing fixture passes, and each failing fixture fails with exactly its control — as upstream's fixture suite demands.
/// </summary>
public sealed class ConformanceSweepTests
{
    /// <summary>Written independently of the engine's registry: where a Restricted control replaces a Baseline one.</summary>
    private static readonly Dictionary<string, (string By, int From)> ReplacedAtRestricted = new()
    {
        ["hostPathVolumes"] = ("restrictedVolumes", 0),
        ["seccompProfile_baseline"] = ("seccompProfile_restricted", 19),
        ["capabilities_baseline"] = ("capabilities_restricted", 22),
        ["procMount"] = ("procMount_restricted", 35),
    };

    public static TheoryData<string, int> LevelsAndVersions()
    {
        var data = new TheoryData<string, int>();
        foreach (var level in new[] { "baseline", "restricted" })
        {
            for (var minor = 0; minor <= PodSecurityStandard.NewestMinor; minor++)
            {
                data.Add(level, minor);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(LevelsAndVersions))]
    public void Fixtures_are_classified_with_their_control(string levelName, int minor)
    {
        Assert.True(PodSecurityLevels.TryParse(levelName, out var level));
        var problems = new StringBuilder();
        var valid = MinimalValidPod(level, minor);
        var baseFailures = FailingControls(valid, level, minor);
        if (baseFailures.Count > 0)
        {
            problems.Append($"minimal valid pod fails {string.Join(", ", baseFailures)}\n");
        }

        var covered = 0;
        foreach (var generator in ControlFixtures.All)
        {
            if (ControlFixtures.For(generator.Control, level, minor) is null)
            {
                continue;
            }

            if (level == PodSecurityLevel.Restricted && ReplacedAtRestricted.TryGetValue(generator.Control, out var replaced) && minor >= replaced.From)
            {
                continue;
            }

            covered++;
            var passing = generator.Pass(valid, minor).ToList();
            for (var i = 0; i < passing.Count; i++)
            {
                var failing = FailingControls(passing[i], level, minor);
                if (failing.Count > 0)
                {
                    problems.Append($"{generator.Control} pass #{i} fails {string.Join(", ", failing)}: {ToJson(passing[i])}\n");
                }
            }

            var failingPods = generator.Fail(valid, minor).ToList();
            Assert.NotEmpty(failingPods);
            for (var i = 0; i < failingPods.Count; i++)
            {
                var failing = FailingControls(failingPods[i], level, minor);
                if (failing.Count != 1 || failing[0] != generator.Control)
                {
                    problems.Append($"{generator.Control} fail #{i} gives [{string.Join(", ", failing)}]: {ToJson(failingPods[i])}\n");
                }
            }
        }

        Assert.True(covered > 0);
        Assert.True(problems.Length == 0, $"{levelName} v1.{minor}:\n{problems}");
    }

    [Theory]
    [MemberData(nameof(LevelsAndVersions))]
    public void A_control_exists_exactly_from_its_first_version_and_until_it_is_replaced(string levelName, int minor)
    {
        Assert.True(PodSecurityLevels.TryParse(levelName, out var level));
        var expected = ControlFixtures.All
            .Where(g => minor >= g.Since && level >= g.Level)
            .Where(g => !(level == PodSecurityLevel.Restricted && ReplacedAtRestricted.TryGetValue(g.Control, out var r) && minor >= r.From))
            .Select(g => g.Control)
            .OrderBy(c => c, StringComparer.Ordinal);
        var actual = PodSecurityStandard.ControlsAt(level, PodSecurityVersion.Of(minor)).Select(c => c.Id).OrderBy(c => c, StringComparer.Ordinal);

        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Privileged_runs_no_control_at_any_version()
    {
        for (var minor = 0; minor <= PodSecurityStandard.NewestMinor + 3; minor++)
        {
            Assert.Empty(PodSecurityStandard.ControlsAt(PodSecurityLevel.Privileged, PodSecurityVersion.Of(minor)));
        }
    }
}
