namespace PolicyKit.Policies.Discovery;

/// <summary>A regular file the walk found: its path (as reached, links included) and how reports name it.</summary>
internal sealed record WalkedFile(string FullPath, string DisplayPath);
