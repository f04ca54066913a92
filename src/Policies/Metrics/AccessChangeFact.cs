using PolicyKit.Policies.Diff.Access;

namespace PolicyKit.Policies.Metrics;

/// <summary>A privileged-access change a release introduced, with the environment whose paths claim its file.</summary>
public sealed record AccessChangeFact(string Environment, AccessChange Change);
