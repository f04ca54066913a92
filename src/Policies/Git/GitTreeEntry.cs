#if NET
namespace PolicyKit.Policies.Git;

/// <summary>A regular file of a commit's tree: its repository-relative path and the id of its content (blob).</summary>
public sealed record GitTreeEntry(string Path, string Blob);
#endif
