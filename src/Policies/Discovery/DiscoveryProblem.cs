using PolicyKit.Policies.Loading;

namespace PolicyKit.Policies.Discovery;

/// <summary>A path discovery could not use (an unreadable folder, a dangling link…), reported as an input finding on it.</summary>
internal sealed record DiscoveryProblem(string DisplayPath, InputProblemKind Kind, string Detail, int Line = 1, int Column = 1);
