#if NET
namespace PolicyKit.Policies.Git;

/// <summary>
/// A path that differs between two commits' trees: the blob it holds in the later one, or null when the later tree has
/// no regular file there (removed, or now a symbolic link or submodule).
/// </summary>
public sealed record GitTreeChange(string Path, string? Blob);
#endif
