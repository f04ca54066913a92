using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using PolicyKit.Policies.Configuration;
using PolicyKit.Policies.Loading;

namespace PolicyKit.Policies.Exceptions;

/// <summary>
/// The exception files of a policy: every <c>*.yaml</c> / <c>*.yml</c> under its exceptions folder (hidden entries
/// skipped), in ordinal path order so records are always read, and reported, in the same order.
/// </summary>
public static class ExceptionFiles
{
    private static readonly string[] Extensions = { ".yaml", ".yml" };

    /// <summary>
    /// The files under <paramref name="config"/>'s exceptions folder. Each is displayed the way the policy file is
    /// displayed (relative to the working directory when the policy file is), so locations stay clickable.
    /// </summary>
    public static IReadOnlyList<ManifestSource> Collect(PolicyConfig config)
    {
        var directory = config.Exceptions.DirectoryUnder(config.RootDirectory);
        if (directory is null || !Directory.Exists(directory))
        {
            return Array.Empty<ManifestSource>();
        }

        return Walk(directory)
            .OrderBy(f => f, StringComparer.Ordinal)
            .Select(f => ManifestSource.FromFile(f, DisplayPath(config, f)))
            .ToList();
    }

    /// <summary>How reports name the exceptions folder, or null when the policy has none.</summary>
    public static string? DisplayDirectory(PolicyConfig config)
    {
        var directory = config.Exceptions.DirectoryUnder(config.RootDirectory);
        return directory is null ? null : DisplayPath(config, directory);
    }

    private static string DisplayPath(PolicyConfig config, string fullPath)
    {
        var relative = InputCollector.RelativePath(fullPath, config.RootDirectory);
        if (relative is null)
        {
            return fullPath.Replace('\\', '/');
        }

        var policyDirectory = config.SourcePath is null ? null : Path.GetDirectoryName(config.SourcePath)?.Replace('\\', '/');
        return string.IsNullOrEmpty(policyDirectory) ? relative : policyDirectory + "/" + relative;
    }

    private static IEnumerable<string> Walk(string directory)
    {
        var pending = new Stack<string>();
        pending.Push(directory);
        while (pending.Count > 0)
        {
            var current = pending.Pop();
            foreach (var child in Directory.GetDirectories(current))
            {
                if (!Path.GetFileName(child).StartsWith(".", StringComparison.Ordinal))
                {
                    pending.Push(child);
                }
            }

            foreach (var file in Directory.GetFiles(current))
            {
                var name = Path.GetFileName(file);
                if (!name.StartsWith(".", StringComparison.Ordinal) && Extensions.Any(e => name.EndsWith(e, StringComparison.OrdinalIgnoreCase)))
                {
                    yield return file;
                }
            }
        }
    }
}
