using System;
using PolicyKit.Policies.Secrets;

namespace PolicyKit.Policies.Tests.Secrets;

public sealed class DurationTests
{
    [Theory]
    [InlineData("90d", 90 * 24 * 60)]
    [InlineData("24h", 24 * 60)]
    [InlineData("1h30m", 90)]
    [InlineData("2w", 14 * 24 * 60)]
    [InlineData("24h0m0s", 24 * 60)]
    [InlineData("0", 0)]
    public void Durations_are_read_in_policy_and_go_syntax(string text, int minutes)
    {
        Assert.True(Duration.TryParse(text, out var duration));
        Assert.Equal(TimeSpan.FromMinutes(minutes), duration);
    }

    [Theory]
    [InlineData("")]
    [InlineData("90")]
    [InlineData("3 days")]
    [InlineData("h")]
    [InlineData("1y")]
    public void Malformed_durations_are_rejected(string text)
    {
        Assert.False(Duration.TryParse(text, out _));
    }

    [Theory]
    [InlineData(90 * 24 * 60, "90d")]
    [InlineData(24 * 60, "24h")]
    [InlineData(90, "1h30m")]
    public void Durations_are_written_readably(int minutes, string text)
    {
        Assert.Equal(text, Duration.Format(TimeSpan.FromMinutes(minutes)));
    }
}
