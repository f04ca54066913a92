using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using PolicyKit.Policies.Configuration;

namespace PolicyKit.Policies.Loading;

/// <summary>
/// Expands the paths a user names into manifest sources: files as given, folders recursively (<c>*.yaml</c>,
/// <c>*.yml</c>, <c>*.json</c>, and <c>*.conf</c> files that are Odoo configurations), in a stable order. Hidden
/// folders, policy files and excluded paths are skipped.
/// </summary>
public static class InputCollector
{
    private static readonly string[] ManifestExtensions = { ".yaml", ".yml", ".json" };

    /// <exception cref="FileNotFoundException">A named path does not exist.</exception>
    public static IReadOnlyList<ManifestSource> Collect(IEnumerable<string> paths, PolicyConfig config, string workingDirectory)
    {
        var sources = new List<ManifestSource>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            var full = Path.GetFullPath(Path.Combine(workingDirectory, path));
            if (File.Exists(full))
            {
                Add(full);
            }
            else if (Directory.Exists(full))
            {
                foreach (var file in Walk(full, config).OrderBy(f => f, StringComparer.Ordinal))
                {
                    Add(file);
                }
            }
            else
            {
                throw new FileNotFoundException($"path '{path}' does not exist", path);
            }
        }

        return sources;

        void Add(string file)
        {
            if (seen.Add(file))
            {
                sources.Add(ManifestSource.FromFile(file, DisplayPath(file, workingDirectory)));
            }
        }
    }

    /// <summary>The path relative to <paramref name="baseDirectory"/> with forward slashes, or null when outside it.</summary>
    public static string? RelativePath(string fullPath, string baseDirectory)
    {
        var root = baseDirectory.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar) + Path.DirectorySeparatorChar;
        return fullPath.StartsWith(root, StringComparison.Ordinal)
            ? fullPath.Substring(root.Length).Replace('\\', '/')
            : null;
    }

    private static string DisplayPath(string fullPath, string workingDirectory) =>
        RelativePath(fullPath, workingDirectory) ?? fullPath.Replace('\\', '/');

    private static IEnumerable<string> Walk(string directory, PolicyConfig config)
    {
        // Exception records sit beside the manifests but are not Kubernetes objects: never read them as manifests.
        var exceptions = config.Exceptions.DirectoryUnder(config.RootDirectory);
        if (exceptions is not null && (directory + Path.DirectorySeparatorChar).StartsWith(exceptions + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            yield break;
        }

        var pending = new Stack<string>();
        pending.Push(directory);
        while (pending.Count > 0)
        {
            var current = pending.Pop();
            foreach (var child in Directory.GetDirectories(current))
            {
                if (!Path.GetFileName(child).StartsWith(".", StringComparison.Ordinal) && !IsExcluded(child, config)
                    && !string.Equals(child, exceptions, StringComparison.Ordinal))
                {
                    pending.Push(child);
                }
            }

            foreach (var file in Directory.GetFiles(current))
            {
                var name = Path.GetFileName(file);
                if (!name.StartsWith(".", StringComparison.Ordinal)
                    && name != PolicyConfig.FileName
                    && !IsExcluded(file, config)
                    && (ManifestExtensions.Any(e => name.EndsWith(e, StringComparison.OrdinalIgnoreCase)) || OdooConfigReader.IsOdooConfigFile(file)))
                {
                    yield return file;
                }
            }
        }
    }

    private static bool IsExcluded(string fullPath, PolicyConfig config)
    {
        if (config.Exclude.Count == 0)
        {
            return false;
        }

        var relative = RelativePath(fullPath, config.RootDirectory);
        return relative is not null && config.Exclude.Any(glob => glob.IsMatch(relative));
    }
}
