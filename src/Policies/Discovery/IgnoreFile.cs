using System;
using System.Collections.Generic;
using System.IO;

namespace PolicyKit.Policies.Discovery;

/// <summary>The patterns of one ignore file (<c>.gitignore</c>, <c>.git/info/exclude</c>), relative to the folder it governs.</summary>
internal sealed class IgnoreFile
{
    private readonly IReadOnlyList<IgnorePattern> patterns;

    private IgnoreFile(string baseDirectory, IReadOnlyList<IgnorePattern> patterns)
    {
        BaseDirectory = baseDirectory;
        this.patterns = patterns;
    }

    public string BaseDirectory { get; }

    public static IgnoreFile? Read(string path, string baseDirectory)
    {
        string[] lines;
        try
        {
            if (FileKindProbe.Probe(path) != FileKind.RegularFile)
            {
                return null;
            }

            lines = File.ReadAllLines(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        return Parse(lines, baseDirectory);
    }

    public static IgnoreFile? Parse(IEnumerable<string> lines, string baseDirectory)
    {
        var patterns = new List<IgnorePattern>();
        foreach (var line in lines)
        {
            if (IgnorePattern.Parse(line) is { } pattern)
            {
                patterns.Add(pattern);
            }
        }

        return patterns.Count == 0 ? null : new IgnoreFile(baseDirectory, patterns);
    }

    /// <summary>True or false when a pattern decides (the last matching one wins), null when none matches.</summary>
    public bool? Decide(string fullPath, bool isFolder)
    {
        var prefix = BaseDirectory.TrimEnd('/') + "/";
        if (!fullPath.StartsWith(prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var relative = fullPath.Substring(prefix.Length);
        for (var i = patterns.Count - 1; i >= 0; i--)
        {
            if (patterns[i].Matches(relative, isFolder))
            {
                return !patterns[i].Negated;
            }
        }

        return null;
    }
}
