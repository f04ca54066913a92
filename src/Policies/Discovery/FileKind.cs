namespace PolicyKit.Policies.Discovery;

/// <summary>What a path is once links are followed; only regular files and folders are ever read.</summary>
public enum FileKind
{
    Missing,
    RegularFile,
    Folder,
    Special,
}
