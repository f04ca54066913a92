using System;
using System.Globalization;
using System.Text.RegularExpressions;

namespace PolicyKit.Policies.Exceptions;

/// <summary>
/// The two ways PolicyKit reads time: calendar dates in exception records (<c>2027-02-15</c>, a UTC day) and instants
/// on the command line (<c>--now 2026-11-28T00:00:00Z</c> or <c>--now 2026-11-28</c>). Both are strict ISO 8601, so a
/// record never means one day in Berlin and another in Chicago.
/// </summary>
public static class UtcDates
{
    private static readonly Regex InstantPattern = new(
        @"^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2}))?$",
        RegexOptions.CultureInvariant | RegexOptions.Compiled);

    public const string DateFormat = "yyyy-MM-dd";

    /// <summary>Parses <c>YYYY-MM-DD</c> (and nothing else) as a UTC calendar day.</summary>
    public static bool TryParseDate(string? text, out DateTime date)
    {
        if (text is not null && text.Length == DateFormat.Length
            && DateTime.TryParseExact(text, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out date))
        {
            date = DateTime.SpecifyKind(date.Date, DateTimeKind.Utc);
            return true;
        }

        date = default;
        return false;
    }

    /// <summary>
    /// Parses an instant: a date (midnight UTC) or a date-time with <c>Z</c> or an explicit offset. A time without a zone
    /// is refused rather than guessed.
    /// </summary>
    public static bool TryParseInstant(string? text, out DateTimeOffset instant)
    {
        instant = default;
        if (text is null || !InstantPattern.IsMatch(text))
        {
            return false;
        }

        if (text.Length == DateFormat.Length)
        {
            if (!TryParseDate(text, out var date))
            {
                return false;
            }

            instant = new DateTimeOffset(date, TimeSpan.Zero);
            return true;
        }

        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            return false;
        }

        instant = parsed.ToUniversalTime();
        return true;
    }

    public static string FormatDate(DateTime date) => date.ToString(DateFormat, CultureInfo.InvariantCulture);

    public static string FormatInstant(DateTimeOffset instant) =>
        instant.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>The UTC calendar day an instant falls on.</summary>
    public static DateTime Today(DateTimeOffset now) => DateTime.SpecifyKind(now.UtcDateTime.Date, DateTimeKind.Utc);
}
