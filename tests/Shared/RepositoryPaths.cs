using System;
using System.IO;

namespace PolicyKit.Testing;

/// <summary>Locates the repository from the test assembly, so tests read the real rules, samples and docs.</summary>
internal static class RepositoryPaths
{
    private static readonly Lazy<string> RootPath = new(() =>
    {
        foreach (var attribute in typeof(RepositoryPaths).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false))
        {
            if (attribute is System.Reflection.AssemblyMetadataAttribute { Key: "RepositoryRoot", Value: { Length: > 0 } root } && File.Exists(Path.Combine(root, "PolicyKit.sln")))
            {
                return Path.GetFullPath(root);
            }
        }

        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "PolicyKit.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("PolicyKit.sln not found above " + AppContext.BaseDirectory);
    });

    public static string Root => RootPath.Value;

    public static string Combine(params string[] parts) => Path.Combine(Root, Path.Combine(parts));
}
