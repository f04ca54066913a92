using System;
using System.Globalization;

namespace PolicyKit.Policies.Rules;

/// <summary>A <c>major.minor.patch</c> version with an optional pre-release label, ordered as semver orders them.</summary>
public sealed class SemanticVersion : IComparable<SemanticVersion>, IEquatable<SemanticVersion>
{
    public SemanticVersion(int major, int minor, int patch, string? preRelease = null)
    {
        Major = major;
        Minor = minor;
        Patch = patch;
        PreRelease = string.IsNullOrEmpty(preRelease) ? null : preRelease;
    }

    public int Major { get; }

    public int Minor { get; }

    public int Patch { get; }

    public string? PreRelease { get; }

    public static bool TryParse(string? text, out SemanticVersion version)
    {
        version = null!;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var core = text!.Trim().TrimStart('v');
        string? preRelease = null;
        var dash = core.IndexOf('-');
        if (dash >= 0)
        {
            preRelease = core.Substring(dash + 1);
            core = core.Substring(0, dash);
        }

        var parts = core.Split('.');
        if (parts.Length is < 1 or > 3)
        {
            return false;
        }

        var numbers = new int[3];
        for (var i = 0; i < parts.Length; i++)
        {
            if (!int.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out numbers[i]))
            {
                return false;
            }
        }

        version = new SemanticVersion(numbers[0], numbers[1], numbers[2], preRelease);
        return true;
    }

    public int CompareTo(SemanticVersion? other)
    {
        if (other is null)
        {
            return 1;
        }

        var byNumbers = Major != other.Major ? Major.CompareTo(other.Major)
            : Minor != other.Minor ? Minor.CompareTo(other.Minor)
            : Patch.CompareTo(other.Patch);
        if (byNumbers != 0)
        {
            return byNumbers;
        }

        // A pre-release sorts before its release.
        if (PreRelease is null || other.PreRelease is null)
        {
            return PreRelease is null ? (other.PreRelease is null ? 0 : 1) : -1;
        }

        return string.CompareOrdinal(PreRelease, other.PreRelease);
    }

    public bool Equals(SemanticVersion? other) => CompareTo(other) == 0;

    public override bool Equals(object? obj) => obj is SemanticVersion other && Equals(other);

    public override int GetHashCode() => (Major * 397) ^ (Minor * 31) ^ Patch;

    public override string ToString() =>
        PreRelease is null ? $"{Major}.{Minor}.{Patch}" : $"{Major}.{Minor}.{Patch}-{PreRelease}";
}
