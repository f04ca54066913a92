using System;
using System.Globalization;

namespace PolicyKit.Policies.Checks.PodSecurity;

/// <summary>
/// A Pod Security policy version: <c>latest</c> or <c>v1.N</c>, as written in an <c>enforce-version</c> label. Versions newer
/// than the newest this build knows are judged as the newest, and so is <c>latest</c>; there is nothing before <c>v1.0</c>.
/// </summary>
public readonly struct PodSecurityVersion : IEquatable<PodSecurityVersion>
{
    public const string Choices = "latest or v1.N (for example v1.30)";

    private readonly int minor;

    private PodSecurityVersion(int minor, bool isLatest)
    {
        this.minor = minor;
        IsLatest = isLatest;
    }

    public static PodSecurityVersion Latest => new(0, true);

    public bool IsLatest { get; }

    /// <summary>The minor version as written; meaningless for <c>latest</c>.</summary>
    public int Minor => minor;

    /// <summary>The policy version the checks run at: <c>latest</c> and future versions become the newest known.</summary>
    public int EffectiveMinor => IsLatest || minor > PodSecurityStandard.NewestMinor ? PodSecurityStandard.NewestMinor : minor;

    public static PodSecurityVersion Of(int minor) =>
        minor >= 0 ? new PodSecurityVersion(minor, false) : throw new ArgumentOutOfRangeException(nameof(minor));

    /// <summary>
    /// Accepts <c>latest</c> and <c>v1.N</c> with N written without leading zeros, as the admission controller does;
    /// anything else (<c>1.30</c>, <c>v1.030</c>, <c>v2.0</c>, <c>Latest</c>) is not a version.
    /// </summary>
    public static bool TryParse(string? text, out PodSecurityVersion version)
    {
        version = Latest;
        if (text is null)
        {
            return false;
        }

        if (text == "latest")
        {
            return true;
        }

        if (text.Length < 4 || text[0] != 'v' || text[1] != '1' || text[2] != '.')
        {
            return false;
        }

        var digits = text.Length - 3;
        if (digits > 9 || (digits > 1 && text[3] == '0'))
        {
            return false;
        }

        var value = 0;
        for (var i = 3; i < text.Length; i++)
        {
            var c = text[i];
            if (c < '0' || c > '9')
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        version = new PodSecurityVersion(value, false);
        return true;
    }

    public bool Equals(PodSecurityVersion other) => IsLatest == other.IsLatest && (IsLatest || minor == other.minor);

    public override bool Equals(object? obj) => obj is PodSecurityVersion other && Equals(other);

    public override int GetHashCode() => IsLatest ? -1 : minor;

    public static bool operator ==(PodSecurityVersion left, PodSecurityVersion right) => left.Equals(right);

    public static bool operator !=(PodSecurityVersion left, PodSecurityVersion right) => !left.Equals(right);

    public override string ToString() => IsLatest ? "latest" : "v1." + minor.ToString(CultureInfo.InvariantCulture);
}
