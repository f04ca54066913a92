using System;
using System.IO;

namespace PolicyKit.Policies.Discovery;

/// <summary>
/// A private copy of what one kustomization builds from (its folder, the folders it builds on, the files they name)
/// that the renderer runs in. Only regular files inside the checked tree are copied (links that leave it, devices and
/// FIFOs are not), so a renderer cannot read outside the tree, and the kustomization can be given origin annotations
/// without touching the user's files.
/// </summary>
internal sealed class ScratchTree : IDisposable
{
    private const long MaxBytes = 256L * 1024 * 1024;

    private readonly string tree;
    private long copied;

    public ScratchTree(string tree)
    {
        this.tree = tree.TrimEnd(Path.DirectorySeparatorChar);
        Root = Path.Combine(Path.GetTempPath(), "policykit-render-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    /// <summary>The copy of a path inside the tree.</summary>
    public string MapIn(string fullPath) => fullPath.Length <= tree.Length ? Root : Path.Combine(Root, fullPath.Substring(tree.Length + 1));

    /// <summary>Copies the regular files directly inside <paramref name="folder"/>.</summary>
    public void CopyFolderFiles(string folder)
    {
        string[] files;
        try
        {
            files = Directory.GetFiles(folder);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return;
        }

        foreach (var file in files)
        {
            CopyFile(file);
        }
    }

    public void CopyFile(string file)
    {
        if (!StaysInside(file) || FileKindProbe.Probe(file) != FileKind.RegularFile)
        {
            return;
        }

        var target = MapIn(file);
        try
        {
            var length = new FileInfo(file).Length;
            if (copied + length > MaxBytes || File.Exists(target))
            {
                return;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
            copied += length;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // A file missing from the copy makes kustomize name it in its error.
        }
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // A scratch folder left in the temp folder is harmless; the run's result is not.
        }
    }

    private bool StaysInside(string file)
    {
        var real = LinkTargets.RealPath(file);
        return real.StartsWith(LinkTargets.RealPath(tree) + Path.DirectorySeparatorChar, StringComparison.Ordinal);
    }
}
