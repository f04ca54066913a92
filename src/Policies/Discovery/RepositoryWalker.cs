using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using PolicyKit.Policies.Configuration;
using PolicyKit.Policies.Loading;

namespace PolicyKit.Policies.Discovery;

/// <summary>
/// Walks the folders a user names: honours ignore files and the policy's <c>exclude</c>, skips hidden folders, follows
/// a link once and never into a folder already being walked or out of the checked tree, and never opens devices,
/// FIFOs or sockets. What it cannot use becomes a <see cref="DiscoveryProblem"/>, never an exception.
/// </summary>
internal sealed class RepositoryWalker
{
    private static readonly string[] ManifestExtensions = { ".yaml", ".yml", ".json" };

    private readonly PolicyConfig config;
    private readonly DiscoveryOptions options;
    private readonly string workingDirectory;
    private readonly string? exceptionsDirectory;
    private readonly HashSet<string> walkedFolders = new(StringComparer.Ordinal);
    private readonly HashSet<string> readFiles = new(StringComparer.Ordinal);
    private readonly List<string> walkedTrees = new();

    // Folders already resolved to their real path: every file and folder of a walk shares them.
    private readonly Dictionary<string, string> realFolders = new(StringComparer.Ordinal);

    public RepositoryWalker(PolicyConfig config, DiscoveryOptions options, string workingDirectory)
    {
        this.config = config;
        this.options = options;
        this.workingDirectory = workingDirectory;
        exceptionsDirectory = config.Exceptions.DirectoryUnder(config.RootDirectory);
    }

    public List<WalkedFile> Files { get; } = new();

    public List<DiscoveryProblem> Problems { get; } = new();

    /// <summary>Folders that hold a kustomization or a Helm chart, by full path.</summary>
    public List<string> Folders { get; } = new();

    public int IgnoredPaths { get; private set; }

    public int HiddenFolders { get; private set; }

    public int LinksNotFollowed { get; private set; }

    /// <summary>Adds a path the user named. </summary>
    /// <exception cref="FileNotFoundException">The path does not exist.</exception>
    public void Add(string path)
    {
        var full = Path.GetFullPath(Path.Combine(workingDirectory, path));
        var display = DisplayPath(full);
        if (LinkTargets.IsLink(full) && FileKindProbe.Probe(full) == FileKind.Missing)
        {
            Problems.Add(new DiscoveryProblem(display, InputProblemKind.DanglingLink, DanglingDetail(full)));
            return;
        }

        switch (FileKindProbe.Probe(full))
        {
            case FileKind.Missing:
                throw new FileNotFoundException($"path '{path}' does not exist", path);
            case FileKind.Special:
                Problems.Add(new DiscoveryProblem(display, InputProblemKind.SpecialFile, "it is a device, FIFO or socket, not a regular file"));
                break;
            case FileKind.RegularFile when FolderMarkers.IsMarker(Path.GetFileName(full)):
                // A kustomization or chart named by its file is judged as its folder.
                Folders.Add(Path.GetDirectoryName(full)!);
                break;
            case FileKind.RegularFile:
                AddFile(full, display);
                break;
            default:
                var tree = TreeRoot(full);
                walkedTrees.Add(tree);
                Walk(full, tree, IgnoreChain(full, tree));
                break;
        }
    }

    public string DisplayPath(string fullPath) =>
        InputCollector.RelativePath(fullPath, workingDirectory) ?? fullPath.Replace('\\', '/');

    /// <summary>
    /// The tree that <paramref name="folder"/>'s kustomization or chart may read from: the tree of the walk that found
    /// it, which is the policy's root, or the folder named on the command line when it lies outside that root.
    /// </summary>
    public string TreeOf(string folder)
    {
        var real = LinkTargets.RealPath(folder, realFolders);
        foreach (var tree in walkedTrees)
        {
            if (IsInside(real, tree))
            {
                return tree;
            }
        }

        return TreeRoot(folder);
    }

    /// <summary>The tree a walk may not leave: the policy's root when the folder is inside it, else the folder itself.</summary>
    private string TreeRoot(string folder) =>
        IsInside(LinkTargets.RealPath(folder), LinkTargets.RealPath(config.RootDirectory)) ? LinkTargets.RealPath(config.RootDirectory) : LinkTargets.RealPath(folder);

    private static bool IsInside(string path, string folder) =>
        string.Equals(path, folder, StringComparison.Ordinal)
        || path.StartsWith(folder.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    private void AddFile(string full, string display, string? real = null)
    {
        real ??= LinkTargets.RealPath(full, realFolders);
        if (readFiles.Add(real))
        {
            Files.Add(new WalkedFile(full, display));
        }
    }

    private void Walk(string start, string tree, List<IgnoreFile> inherited)
    {
        if (exceptionsDirectory is not null && IsInside(start, exceptionsDirectory))
        {
            return;
        }

        var pending = new Stack<(string Folder, List<IgnoreFile> Ignores)>();
        pending.Push((start, inherited));
        walkedFolders.Add(LinkTargets.RealPath(start));
        while (pending.Count > 0)
        {
            var (folder, ignores) = pending.Pop();
            if (options.RespectIgnoreFiles && IgnoreFile.Read(Path.Combine(folder, ".gitignore"), Slashed(folder)) is { } own)
            {
                ignores = new List<IgnoreFile>(ignores) { own };
            }

            string[] folders;
            string[] files;
            try
            {
                folders = Directory.GetDirectories(folder);
                files = Directory.GetFiles(folder);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                Problems.Add(new DiscoveryProblem(DisplayPath(folder), InputProblemKind.UnreadableFolder, "its entries cannot be listed: " + Reason(exception)));
                continue;
            }

            if (files.Any(f => FolderMarkers.IsMarker(Path.GetFileName(f))))
            {
                Folders.Add(folder);
            }

            foreach (var child in folders.OrderByDescending(f => f, StringComparer.Ordinal))
            {
                if (Skip(child, isFolder: true, ignores))
                {
                    continue;
                }

                var isLink = LinkTargets.IsLink(child);
                if (isLink && !MayFollowFolderLink(child, tree))
                {
                    continue;
                }

                if (walkedFolders.Add(isLink ? LinkTargets.RealPath(child, realFolders) : LinkTargets.RealPathOfEntry(child, realFolders)))
                {
                    pending.Push((child, ignores));
                }
                else
                {
                    LinksNotFollowed++;
                }
            }

            foreach (var file in files.OrderBy(f => f, StringComparer.Ordinal))
            {
                var name = Path.GetFileName(file);
                if (name.StartsWith(".", StringComparison.Ordinal) || name == PolicyConfig.FileName || !IsCandidate(file, name) || Skip(file, isFolder: false, ignores))
                {
                    continue;
                }

                AddFound(file, tree);
            }
        }
    }

    private static bool IsCandidate(string path, string name) =>
        FolderMarkers.IsMarker(name)
        || ManifestExtensions.Any(e => name.EndsWith(e, StringComparison.OrdinalIgnoreCase))
        || OdooConfigReader.HasConfigExtension(name);

    private void AddFound(string file, string tree)
    {
        var display = DisplayPath(file);
        if (FileKindProbe.TryProbeEntry(file, out var entryKind, out var isLink) && !isLink)
        {
            AddOfKind(file, display, entryKind, LinkTargets.RealPathOfEntry(file, realFolders));
            return;
        }

        if (LinkTargets.IsLink(file))
        {
            string? target;
            try
            {
                target = LinkTargets.FinalTarget(file);
            }
            catch (IOException)
            {
                Problems.Add(new DiscoveryProblem(display, InputProblemKind.DanglingLink, "it is a loop of symbolic links"));
                return;
            }

            if (target is null)
            {
                LinksNotFollowed++;
                return;
            }

            if (FileKindProbe.Probe(target) == FileKind.Missing)
            {
                Problems.Add(new DiscoveryProblem(display, InputProblemKind.DanglingLink, DanglingDetail(file)));
                return;
            }

            if (!IsInside(LinkTargets.RealPath(target), tree))
            {
                Problems.Add(new DiscoveryProblem(display, InputProblemKind.LinkOutsideTree, $"it points to '{target.Replace('\\', '/')}', outside the checked tree"));
                return;
            }
        }

        AddOfKind(file, display, FileKindProbe.Probe(file), real: null);
    }

    private void AddOfKind(string file, string display, FileKind kind, string? real)
    {
        if (kind == FileKind.Special)
        {
            Problems.Add(new DiscoveryProblem(display, InputProblemKind.SpecialFile, "it is a device, FIFO or socket, not a regular file"));
        }
        else if (kind == FileKind.RegularFile && (!OdooConfigReader.HasConfigExtension(file) || OdooConfigReader.IsOdooConfigFile(file)))
        {
            AddFile(file, display, real);
        }
    }

    private bool MayFollowFolderLink(string link, string tree)
    {
        string? target;
        try
        {
            target = LinkTargets.FinalTarget(link);
        }
        catch (IOException)
        {
            Problems.Add(new DiscoveryProblem(DisplayPath(link), InputProblemKind.DanglingLink, "it is a loop of symbolic links"));
            return false;
        }

        if (target is null)
        {
            LinksNotFollowed++;
            return false;
        }

        var real = LinkTargets.RealPath(target);
        if (!IsInside(real, tree))
        {
            Problems.Add(new DiscoveryProblem(DisplayPath(link), InputProblemKind.LinkOutsideTree, $"it points to '{target.Replace('\\', '/')}', outside the checked tree"));
            return false;
        }

        return true;
    }

    private bool Skip(string path, bool isFolder, List<IgnoreFile> ignores)
    {
        var name = Path.GetFileName(path);
        if (isFolder && name.StartsWith(".", StringComparison.Ordinal))
        {
            HiddenFolders++;
            return true;
        }

        if (isFolder && exceptionsDirectory is not null && string.Equals(path, exceptionsDirectory, StringComparison.Ordinal))
        {
            return true;
        }

        if (IsExcluded(path) || IsIgnored(Slashed(path), isFolder, ignores))
        {
            IgnoredPaths++;
            return true;
        }

        return false;
    }

    /// <summary>Deeper ignore files take precedence over shallower ones; within one file the last match wins.</summary>
    private static bool IsIgnored(string path, bool isFolder, List<IgnoreFile> ignores)
    {
        for (var i = ignores.Count - 1; i >= 0; i--)
        {
            if (ignores[i].Decide(path, isFolder) is { } decided)
            {
                return decided;
            }
        }

        return false;
    }

    private bool IsExcluded(string fullPath)
    {
        if (config.Exclude.Count == 0)
        {
            return false;
        }

        var relative = InputCollector.RelativePath(fullPath, config.RootDirectory);
        return relative is not null && config.Exclude.Any(glob => glob.IsMatch(relative));
    }

    /// <summary>The ignore files that govern a folder from above: the repository's exclude file and every <c>.gitignore</c> between.</summary>
    private List<IgnoreFile> IgnoreChain(string folder, string tree)
    {
        var chain = new List<IgnoreFile>();
        if (!options.RespectIgnoreFiles)
        {
            return chain;
        }

        string? gitRoot = null;
        var ancestors = new List<string>();
        for (var current = folder; current is not null; current = Path.GetDirectoryName(current))
        {
            if (current != folder)
            {
                ancestors.Add(current);
            }

            if (Directory.Exists(Path.Combine(current, ".git")))
            {
                gitRoot = current;
                break;
            }
        }

        if (gitRoot is null)
        {
            // Outside a Git work tree only the checked tree's own ignore files count.
            ancestors = ancestors.Where(a => IsInside(a, tree)).ToList();
        }
        else if (IgnoreFile.Read(Path.Combine(gitRoot, ".git", "info", "exclude"), Slashed(gitRoot)) is { } exclude)
        {
            chain.Add(exclude);
        }

        for (var i = ancestors.Count - 1; i >= 0; i--)
        {
            if (IgnoreFile.Read(Path.Combine(ancestors[i], ".gitignore"), Slashed(ancestors[i])) is { } file)
            {
                chain.Add(file);
            }
        }

        return chain;
    }

    private static string Slashed(string path) => path.Replace('\\', '/');

    private static string DanglingDetail(string link)
    {
        string? target = null;
#if NET
        target = new FileInfo(link).LinkTarget;
#endif
        return target is null ? "it is a dangling symbolic link" : $"it is a dangling symbolic link to '{target}'";
    }

    private static string Reason(Exception exception) => exception is UnauthorizedAccessException ? "permission denied" : exception.Message;
}
