using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using PolicyKit.Policies.Checks.PodSecurity;
using Xunit.Abstractions;
using static PolicyKit.Policies.Tests.PodSecurity.PodSecurityHarness;

namespace PolicyKit.Policies.Tests.PodSecurity;

/// <summary>
/// Conformance against the reference implementation's own fixtures (<c>k8s.io/pod-security-admission/test/testdata</c>,
/// checked in under <c>Upstream/</c>; see its NOTICE.md). Each fixture is a Pod judged at the level and version of its
/// directory: a <c>pass</c> fixture must give no Pod Security finding, a <c>fail</c> fixture must give at least one, and
/// among them the control the fixture is named for (the file name is the upstream check id in lower case plus an index).
/// </summary>
public sealed class UpstreamConformanceTests
{
    /// <summary>
    /// Upstream check ids (lower case, as in fixture names) that name one of our controls differently: upstream renamed
    /// <c>procMount</c> to <c>procMount_baseline</c>, and fixtures written before the 2021 renames use the old ids.
    /// </summary>
    private static readonly Dictionary<string, string> Aliases = new(StringComparer.Ordinal)
    {
        ["procmount_baseline"] = "procMount",
        ["selinux"] = "seLinuxOptions",
        ["seccomp_baseline"] = "seccompProfile_baseline",
        ["seccomp_restricted"] = "seccompProfile_restricted",
        ["hostpath"] = "hostPathVolumes",
        ["addcapabilities"] = "capabilities_baseline",
        ["dropcapabilities"] = "capabilities_restricted",
        ["hostprocess"] = "windowsHostProcess",
        ["apparmor"] = "appArmorProfile",
    };

    /// <summary>
    /// Upstream checks this pack does not implement (yet): their failing fixtures are expected to pass here. Kept
    /// explicit so that the figure in docs/pod-security.md stays honest and this list shrinks when they are added.
    /// </summary>
    private static readonly Dictionary<string, string> Unimplemented = new(StringComparer.Ordinal)
    {
        ["cgroupoptions"] = "Restricted, v1.0+: securityContext.cgroupOptions.mountMode must be unset or ReadOnly (no PK rule yet)",
        ["ulimits"] = "Baseline, v1.37+: securityContext.ulimits must be unset (no PK rule yet)",
    };

    /// <summary>
    /// Where a Restricted check overrides a Baseline one (upstream's <c>OverrideCheckIDs</c>), upstream still writes the
    /// Baseline check's fixtures at Restricted but judges them with the overriding check (its own fixture test only looks
    /// for a substring of the message). There the overriding control is the one named. Written independently of the
    /// engine's registry.
    /// </summary>
    private static readonly Dictionary<string, (string By, int From)> OverriddenAtRestricted = new(StringComparer.Ordinal)
    {
        ["hostPathVolumes"] = ("restrictedVolumes", 0),
        ["seccompProfile_baseline"] = ("seccompProfile_restricted", 19),
        ["capabilities_baseline"] = ("capabilities_restricted", 22),
        ["procMount"] = ("procMount_restricted", 35),
    };

    private readonly ITestOutputHelper output;

    public UpstreamConformanceTests(ITestOutputHelper output) => this.output = output;

    public static TheoryData<string> Fixtures()
    {
        var data = new TheoryData<string>();
        foreach (var fixture in All())
        {
            data.Add(fixture.Id);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Fixture_is_classified_as_upstream_classifies_it(string id)
    {
        var fixture = All().Single(f => f.Id == id);
        var outcome = Judge(fixture);
        if (Unimplemented.TryGetValue(fixture.Prefix, out var why))
        {
            Assert.False(outcome.Matched, $"{id} now matches; {fixture.Prefix} is implemented: drop it from Unimplemented ({why})");
            return;
        }

        Assert.True(outcome.Matched, $"{id}: expected {fixture.Expected}, got [{string.Join(", ", outcome.Controls)}]");
    }

    [Fact]
    public void Conformance_figure()
    {
        var fixtures = All();
        Assert.NotEmpty(fixtures);
        var table = new StringBuilder();
        table.AppendLine("| Level | Version | Fixtures | Matched |");
        table.AppendLine("| --- | --- | ---: | ---: |");
        var matched = 0;
        foreach (var group in fixtures.GroupBy(f => (f.Level, f.Minor)).OrderBy(g => g.Key.Level).ThenBy(g => g.Key.Minor))
        {
            var ok = group.Count(f => Judge(f).Matched);
            matched += ok;
            table.AppendLine($"| {group.Key.Level} | v1.{group.Key.Minor} | {group.Count()} | {ok} |");
        }

        table.AppendLine($"| **all** | | **{fixtures.Count}** | **{matched}** |");
        output.WriteLine(table.ToString());
        foreach (var miss in fixtures.Where(f => !Judge(f).Matched))
        {
            output.WriteLine($"mismatch: {miss.Id} ({(Unimplemented.TryGetValue(miss.Prefix, out var why) ? why : "unexpected")})");
        }
    }

    private static (bool Matched, IReadOnlyList<string> Controls) Judge(Fixture fixture)
    {
        var controls = FailingControls(File.ReadAllText(fixture.Path), fixture.LevelValue, "v1." + fixture.Minor);
        var expected = fixture.Expected;
        if (fixture.LevelValue == PodSecurityLevel.Restricted && OverriddenAtRestricted.TryGetValue(expected, out var by) && fixture.Minor >= by.From)
        {
            expected = by.By;
        }

        var matched = fixture.Pass ? controls.Count == 0 : controls.Contains(expected, StringComparer.Ordinal);
        return (matched, controls);
    }

    private static IReadOnlyList<Fixture> All()
    {
        // Not [CallerFilePath]: CI builds map source paths to /_/ (ContinuousIntegrationBuild).
        var root = PolicyKit.Testing.RepositoryPaths.Combine("tests", "PolicyKit.Policies.Tests", "PodSecurity", "Upstream");
        var byLowerId = PodSecurityStandard.Controls.ToDictionary(c => c.Id.ToLowerInvariant(), c => c.Id, StringComparer.Ordinal);
        var fixtures = new List<Fixture>();
        foreach (var path in Directory.EnumerateFiles(root, "*.yaml", SearchOption.AllDirectories))
        {
            var parts = Path.GetRelativePath(root, path).Split(Path.DirectorySeparatorChar);
            Assert.True(parts.Length == 4, $"{path}: expected <level>/v1.N/<pass|fail>/<name>.yaml");
            Assert.True(PodSecurityLevels.TryParse(parts[0], out var level), path);
            Assert.StartsWith("v1.", parts[1]);
            var minor = int.Parse(parts[1].Substring(3), System.Globalization.CultureInfo.InvariantCulture);
            var name = Path.GetFileNameWithoutExtension(parts[3]);
            var prefix = name.TrimEnd('0', '1', '2', '3', '4', '5', '6', '7', '8', '9');
            var expected = string.Empty;
            if (parts[2] == "fail")
            {
                expected = Aliases.TryGetValue(prefix, out var alias) ? alias
                    : byLowerId.TryGetValue(prefix, out var id) ? id
                    : Unimplemented.ContainsKey(prefix) ? prefix
                    : throw new InvalidOperationException($"{path}: no control for upstream check '{prefix}'");
            }
            else
            {
                Assert.Equal("pass", parts[2]);
            }

            fixtures.Add(new Fixture($"{parts[0]}/{parts[1]}/{parts[2]}/{name}", path, parts[0], level, minor, parts[2] == "pass", prefix, expected));
        }

        return fixtures.OrderBy(f => f.Id, StringComparer.Ordinal).ToList();
    }

    private sealed record Fixture(string Id, string Path, string Level, PodSecurityLevel LevelValue, int Minor, bool Pass, string Prefix, string Expected);
}
