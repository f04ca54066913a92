using System;
using System.Globalization;

namespace PolicyKit.Policies.Secrets;

/// <summary>
/// Durations as policy files and Kubernetes objects write them: a sequence of numbers with units — <c>w</c>, <c>d</c>,
/// <c>h</c>, <c>m</c>, <c>s</c>, <c>ms</c> — such as <c>90d</c>, <c>24h</c>, <c>1h30m</c>, or Go's <c>24h0m0s</c>
/// (External Secrets' <c>refreshInterval</c>). A bare <c>0</c> is zero.
/// </summary>
public static class Duration
{
    public static bool TryParse(string? text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var value = text!.Trim();
        if (value == "0")
        {
            return true;
        }

        double total = 0;
        var i = 0;
        while (i < value.Length)
        {
            var numberStart = i;
            while (i < value.Length && (char.IsDigit(value[i]) || value[i] == '.'))
            {
                i++;
            }

            if (i == numberStart || !double.TryParse(value.Substring(numberStart, i - numberStart), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
            {
                return false;
            }

            var unitStart = i;
            while (i < value.Length && char.IsLetter(value[i]))
            {
                i++;
            }

            var seconds = UnitSeconds(value.Substring(unitStart, i - unitStart));
            if (seconds is null)
            {
                return false;
            }

            total += number * seconds.Value;
        }

        if (total > TimeSpan.MaxValue.TotalSeconds)
        {
            return false;
        }

        duration = TimeSpan.FromSeconds(total);
        return true;
    }

    /// <summary>A readable exact form: whole days from two days on (<c>90d</c>), hours below (<c>24h</c>, <c>1h30m</c>).</summary>
    public static string Format(TimeSpan duration)
    {
        if (duration <= TimeSpan.Zero)
        {
            return "0s";
        }

        if (duration.TotalDays >= 2 && duration.Ticks % TimeSpan.TicksPerDay == 0)
        {
            return ((long)duration.TotalDays).ToString(CultureInfo.InvariantCulture) + "d";
        }

        var text = string.Empty;
        var hours = (long)duration.TotalHours;
        if (hours > 0)
        {
            text += hours.ToString(CultureInfo.InvariantCulture) + "h";
        }

        if (duration.Minutes > 0)
        {
            text += duration.Minutes.ToString(CultureInfo.InvariantCulture) + "m";
        }

        if (duration.Seconds > 0 || text.Length == 0)
        {
            text += duration.Seconds.ToString(CultureInfo.InvariantCulture) + "s";
        }

        return text;
    }

    private static double? UnitSeconds(string unit) => unit switch
    {
        "w" => 7 * 86400,
        "d" => 86400,
        "h" => 3600,
        "m" => 60,
        "s" => 1,
        "ms" => 0.001,
        "us" or "µs" => 0.000001,
        "ns" => 0.000000001,
        _ => null,
    };
}
