using System;

namespace PolicyKit.Policies.Rules;

/// <summary>How bad a finding is. The numeric order is the blocking order: a threshold blocks its level and everything above.</summary>
public enum Severity
{
    Info = 0,
    Low = 1,
    Medium = 2,
    High = 3,
    Critical = 4,
}

public static class Severities
{
    public static string ToName(this Severity severity) => severity switch
    {
        Severity.Critical => "critical",
        Severity.High => "high",
        Severity.Medium => "medium",
        Severity.Low => "low",
        _ => "info",
    };

    public static bool TryParse(string? text, out Severity severity)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case "critical": severity = Severity.Critical; return true;
            case "high": severity = Severity.High; return true;
            case "medium": severity = Severity.Medium; return true;
            case "low": severity = Severity.Low; return true;
            case "info": severity = Severity.Info; return true;
            default: severity = default; return false;
        }
    }

    /// <summary>Parses a fail threshold: a severity, or <c>none</c> (null) to never block.</summary>
    public static bool TryParseThreshold(string? text, out Severity? threshold)
    {
        if (string.Equals(text?.Trim(), "none", StringComparison.OrdinalIgnoreCase))
        {
            threshold = null;
            return true;
        }

        var parsed = TryParse(text, out var severity);
        threshold = parsed ? severity : null;
        return parsed;
    }

    public const string ThresholdChoices = "critical, high, medium, low, info or none";
}
