namespace PolicyKit.Policies.Checks.PodSecurity;

/// <summary>The Pod Security Standards levels, from least to most strict.</summary>
public enum PodSecurityLevel
{
    /// <summary>Nothing is restricted.</summary>
    Privileged = 0,

    /// <summary>Known privilege escalations are prevented.</summary>
    Baseline = 1,

    /// <summary>Baseline plus current pod hardening practice.</summary>
    Restricted = 2,
}

/// <summary>Parsing and naming of <see cref="PodSecurityLevel"/> exactly as the namespace labels spell them.</summary>
public static class PodSecurityLevels
{
    public const string Choices = "privileged, baseline or restricted";

    /// <summary>Accepts only the lowercase label values, like the admission controller does.</summary>
    public static bool TryParse(string? text, out PodSecurityLevel level)
    {
        switch (text)
        {
            case "privileged":
                level = PodSecurityLevel.Privileged;
                return true;
            case "baseline":
                level = PodSecurityLevel.Baseline;
                return true;
            case "restricted":
                level = PodSecurityLevel.Restricted;
                return true;
            default:
                level = PodSecurityLevel.Restricted;
                return false;
        }
    }

    public static string ToName(this PodSecurityLevel level) => level switch
    {
        PodSecurityLevel.Baseline => "baseline",
        PodSecurityLevel.Restricted => "restricted",
        _ => "privileged",
    };
}
