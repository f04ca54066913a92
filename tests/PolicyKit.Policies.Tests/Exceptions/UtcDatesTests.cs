using System;
using PolicyKit.Policies.Exceptions;

namespace PolicyKit.Policies.Tests.Exceptions;

/// <summary>Dates in records are UTC days; <c>--now</c> takes a day or an instant with its zone, nothing ambiguous.</summary>
public sealed class UtcDatesTests
{
    [Theory]
    [InlineData("2026-11-28", "2026-11-28T00:00:00Z")]
    [InlineData("2026-11-28T00:00:00Z", "2026-11-28T00:00:00Z")]
    [InlineData("2026-11-28T01:30:00+02:00", "2026-11-27T23:30:00Z")]
    [InlineData("2026-11-28T10:15Z", "2026-11-28T10:15:00Z")]
    public void Now_is_read_as_a_utc_instant(string text, string expected)
    {
        Assert.True(UtcDates.TryParseInstant(text, out var instant));
        Assert.Equal(expected, UtcDates.FormatInstant(instant));
    }

    [Theory]
    [InlineData("2026-11-28T10:00:00")]
    [InlineData("11/28/2026")]
    [InlineData("28.11.2026")]
    [InlineData("2026-02-30")]
    [InlineData("tomorrow")]
    public void Ambiguous_or_impossible_now_is_refused(string text)
    {
        Assert.False(UtcDates.TryParseInstant(text, out _));
    }

    [Theory]
    [InlineData("2027-02-15", true)]
    [InlineData("2027-2-15", false)]
    [InlineData("2027-02-15T00:00:00Z", false)]
    [InlineData("2027-13-01", false)]
    public void Record_dates_are_iso_days_only(string text, bool valid)
    {
        Assert.Equal(valid, UtcDates.TryParseDate(text, out _));
    }

    [Fact]
    public void Record_date_is_a_utc_day()
    {
        UtcDates.TryParseDate("2027-02-15", out var date);

        Assert.Equal((DateTimeKind.Utc, TimeSpan.Zero), (date.Kind, date.TimeOfDay));
    }
}
