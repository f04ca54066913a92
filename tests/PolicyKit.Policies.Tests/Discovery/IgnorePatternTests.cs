using PolicyKit.Policies.Discovery;

namespace PolicyKit.Policies.Tests.Discovery;

/// <summary>One .gitignore file's patterns, with git's meaning (gitignore(5)).</summary>
public sealed class IgnorePatternTests
{
    private static bool? Decide(string patterns, string relativePath, bool isFolder = false) =>
        IgnoreFile.Parse(patterns.Split('\n'), "/repo")!.Decide("/repo/" + relativePath, isFolder);

    [Theory]
    [InlineData("bin/", "bin", true, true)]
    [InlineData("bin/", "src/App/bin", true, true)]
    [InlineData("bin/", "bin", false, null)]
    [InlineData("/root.yaml", "root.yaml", false, true)]
    [InlineData("/root.yaml", "sub/root.yaml", false, null)]
    [InlineData("docs/*.yaml", "docs/a.yaml", false, true)]
    [InlineData("docs/*.yaml", "docs/deep/a.yaml", false, null)]
    [InlineData("**/generated", "a/b/generated", true, true)]
    [InlineData("out/**", "out/x/y.yaml", false, true)]
    [InlineData("a/**/z.yaml", "a/z.yaml", false, true)]
    [InlineData("a/**/z.yaml", "a/b/c/z.yaml", false, true)]
    [InlineData("*.yam?", "x/deploy.yaml", false, true)]
    [InlineData("[ab].yaml", "b.yaml", false, true)]
    [InlineData("[!ab].yaml", "b.yaml", false, null)]
    [InlineData("\\#notes.yaml", "#notes.yaml", false, true)]
    [InlineData("# a comment", "# a comment", false, null)]
    public void Patterns_match_as_git_matches_them(string pattern, string path, bool isFolder, bool? ignored)
    {
        Assert.Equal(ignored, IgnoreFile.Parse(new[] { pattern }, "/repo") is { } file ? file.Decide("/repo/" + path, isFolder) : null);
    }

    [Fact]
    public void The_last_matching_pattern_wins_and_negation_re_includes()
    {
        Assert.Equal(false, Decide("*.yaml\n!keep.yaml", "keep.yaml"));
        Assert.Equal(true, Decide("!keep.yaml\n*.yaml", "keep.yaml"));
        Assert.Equal(true, Decide("*.yaml\n!keep.yaml", "drop.yaml"));
    }

    [Fact]
    public void Paths_outside_the_ignore_files_folder_are_not_decided()
    {
        Assert.Null(IgnoreFile.Parse(new[] { "*.yaml" }, "/repo/sub")!.Decide("/repo/other/a.yaml", false));
    }
}
