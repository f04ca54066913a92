using PolicyKit.Policies.Rules;

namespace PolicyKit.Policies.Tests.Configuration;

public sealed class VersionRangeTests
{
    [Theory]
    [InlineData(">=1.0.0 <2.0.0", "1.4.2", true)]
    [InlineData(">=1.0.0 <2.0.0", "2.0.0", false)]
    [InlineData("^1.2", "1.9.0", true)]
    [InlineData("^1.2", "1.1.9", false)]
    [InlineData("^0.3", "0.4.0", false)]
    [InlineData("~1.2", "1.2.9", true)]
    [InlineData("~1.2", "1.3.0", false)]
    [InlineData("1.x", "1.7.3", true)]
    [InlineData("1.2.x", "1.3.0", false)]
    [InlineData("1.0.0", "1.0.0", true)]
    [InlineData("1.0.0", "1.0.1", false)]
    [InlineData("*", "7.0.0", true)]
    [InlineData(">=1.0.0", "1.0.0-beta", false)]
    public void Ranges_contain_the_versions_semver_users_expect(string range, string version, bool expected)
    {
        Assert.True(VersionRange.TryParse(range, out var parsed));
        Assert.True(SemanticVersion.TryParse(version, out var parsedVersion));

        Assert.Equal(expected, parsed.Contains(parsedVersion));
    }

    [Theory]
    [InlineData(">=banana")]
    [InlineData("1.2.3.4")]
    [InlineData("^x")]
    public void Malformed_ranges_are_rejected(string range)
    {
        Assert.False(VersionRange.TryParse(range, out _));
    }
}
