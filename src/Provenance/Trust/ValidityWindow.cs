using System;

namespace PolicyKit.Provenance.Trust;

/// <summary>When a trusted key or CA may be used; the end is inclusive and open when absent.</summary>
public sealed record ValidityWindow(DateTimeOffset Start, DateTimeOffset? End)
{
    public bool Contains(DateTimeOffset time) => time >= Start && (End is null || time <= End.Value);

    public override string ToString() => End is null ? $"from {Start:O}" : $"{Start:O} to {End.Value:O}";
}
