using PolicyKit.Policies.Rules;

namespace PolicyKit.Policies.Configuration;

/// <summary>A pack the policy asks for, with the versions it accepts.</summary>
public sealed record PackSelection(string Name, VersionRange Versions);
