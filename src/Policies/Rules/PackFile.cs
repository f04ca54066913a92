namespace PolicyKit.Policies.Rules;

/// <summary>A file of a rule pack, by its path relative to the pack folder (forward slashes).</summary>
public sealed record PackFile(string RelativePath, byte[] Content);
