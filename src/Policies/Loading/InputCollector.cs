using System;
using System.Collections.Generic;
using System.IO;
using PolicyKit.Policies.Configuration;
using PolicyKit.Policies.Discovery;

namespace PolicyKit.Policies.Loading;

/// <summary>
/// Expands the paths a user names into manifest sources with <see cref="RepositoryDiscovery"/>'s default options
/// (ignore files honoured, overlays and charts rendered). Also the home of path helpers the doors share.
/// </summary>
public static class InputCollector
{
    /// <exception cref="FileNotFoundException">A named path does not exist.</exception>
    public static IReadOnlyList<ManifestSource> Collect(IEnumerable<string> paths, PolicyConfig config, string workingDirectory) =>
        RepositoryDiscovery.Discover(paths, config, workingDirectory, DiscoveryOptions.Default).Sources;

    /// <summary>The path relative to <paramref name="baseDirectory"/> with forward slashes, or null when outside it.</summary>
    public static string? RelativePath(string fullPath, string baseDirectory)
    {
        var root = baseDirectory.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar) + Path.DirectorySeparatorChar;
        return fullPath.StartsWith(root, StringComparison.Ordinal)
            ? fullPath.Substring(root.Length).Replace('\\', '/')
            : null;
    }
}
