using System;
using System.Collections.Generic;
using System.IO;

namespace PolicyKit.Policies.Discovery;

/// <summary>Where symbolic links lead. Only .NET can resolve them; the netstandard build never follows a link.</summary>
internal static class LinkTargets
{
    public static bool IsLink(string path)
    {
        if (FileKindProbe.TryProbeEntry(path, out _, out var isLink))
        {
            return isLink;
        }

        try
        {
            return (File.GetAttributes(path) & FileAttributes.ReparsePoint) != 0;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>The final target of a link, or null when the runtime cannot resolve links.</summary>
    /// <exception cref="IOException">The link cannot be resolved (a loop of links).</exception>
    public static string? FinalTarget(string linkPath)
    {
#if NET
        var target = File.ResolveLinkTarget(linkPath, returnFinalTarget: true);
        return target is null ? linkPath : Path.GetFullPath(target.FullName);
#else
        return null;
#endif
    }

    /// <summary>
    /// <see cref="RealPath(string)"/>, with the folders already resolved taken from <paramref name="folders"/> (and added
    /// to it): a walk resolves thousands of paths that share their folders, and each step is a system call.
    /// </summary>
    public static string RealPath(string path, Dictionary<string, string> folders)
    {
        var full = Path.GetFullPath(path);
        if (Path.GetDirectoryName(full) is null)
        {
            return RealPath(full);
        }

        var candidate = InRealFolder(full, folders);
        if (!IsLink(candidate))
        {
            return candidate;
        }

        try
        {
            return FinalTarget(candidate) ?? candidate;
        }
        catch (IOException)
        {
            return full;
        }
    }

    /// <summary>
    /// The real path of an entry already known not to be a link (a walk probes each entry once): its folder's real
    /// path, from <paramref name="folders"/>, and its own name.
    /// </summary>
    public static string RealPathOfEntry(string fullPath, Dictionary<string, string> folders) =>
        Path.GetDirectoryName(fullPath) is null ? RealPath(fullPath) : InRealFolder(fullPath, folders);

    private static string InRealFolder(string fullPath, Dictionary<string, string> folders)
    {
        var parent = Path.GetDirectoryName(fullPath)!;
        if (!folders.TryGetValue(parent, out var realParent))
        {
            folders[parent] = realParent = RealPath(parent, folders);
        }

        return Path.Combine(realParent, Path.GetFileName(fullPath));
    }

    /// <summary>The path with every link along it resolved, so the same folder reached twice is recognised.</summary>
    public static string RealPath(string path)
    {
#if NET
        var full = Path.GetFullPath(path);
        var root = Path.GetPathRoot(full) ?? "/";
        var current = root;
        foreach (var part in full.Substring(root.Length).Split(new[] { Path.DirectorySeparatorChar }, StringSplitOptions.RemoveEmptyEntries))
        {
            var next = Path.Combine(current, part);
            if (IsLink(next))
            {
                try
                {
                    next = FinalTarget(next) ?? next;
                }
                catch (IOException)
                {
                    return full;
                }
            }

            current = next;
        }

        return current;
#else
        return Path.GetFullPath(path);
#endif
    }
}
