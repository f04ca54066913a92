using System;
using System.IO;
using System.Linq;
using PolicyKit.Testing;

namespace PolicyKit.Gate.Tests;

/// <summary>Copies a committed fixture repository (tests/PolicyKit.Gate.Tests/Fixtures/NAME) into a fresh temp folder.</summary>
internal static class FixtureRepository
{
    public static TempDirectory Copy(string name)
    {
        var folder = new TempDirectory();
        var source = RepositoryPaths.Combine("tests", "PolicyKit.Gate.Tests", "Fixtures", name);
        foreach (var file in Directory.GetFiles(source, "*", SearchOption.AllDirectories))
        {
            folder.Write(Path.GetRelativePath(source, file), File.ReadAllBytes(file));
        }

        return folder;
    }

    /// <summary>The 1-based line of the first line of <paramref name="relativePath"/> that contains <paramref name="text"/>.</summary>
    public static int LineOf(this TempDirectory folder, string relativePath, string text)
    {
        var lines = folder.ReadText(relativePath).Split('\n');
        var index = Array.FindIndex(lines, l => l.Contains(text, StringComparison.Ordinal));
        return index >= 0 ? index + 1 : throw new InvalidOperationException($"'{text}' is not in {relativePath}");
    }
}

/// <summary>Whether a tool the gate can use is installed, for tests that need it and skip without it.</summary>
internal static class Tools
{
    public static bool OnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Any(folder => File.Exists(Path.Combine(folder, name)));
}
