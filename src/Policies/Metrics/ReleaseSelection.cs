using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace PolicyKit.Policies.Metrics;

/// <summary>
/// How releases are found (<c>--releases</c>): <c>tags[:PATTERN,…]</c> (default <c>v*</c> and <c>release-*</c>) or
/// <c>merges[:BRANCH]</c> (every first-parent merge to the branch, default <c>main</c>, that touches an environment's paths).
/// </summary>
public sealed class ReleaseSelection
{
    public static readonly IReadOnlyList<string> DefaultTagPatterns = new[] { "v*", "release-*" };

    private readonly IReadOnlyList<Regex> tagMatchers;

    private ReleaseSelection(bool byTags, IReadOnlyList<string> tagPatterns, string branch)
    {
        ByTags = byTags;
        TagPatterns = tagPatterns;
        Branch = branch;
        tagMatchers = tagPatterns.Select(p => new Regex("^" + Regex.Escape(p).Replace(@"\*", ".*").Replace(@"\?", ".") + "$", RegexOptions.CultureInvariant)).ToList();
    }

    public static ReleaseSelection DefaultTags { get; } = new(true, DefaultTagPatterns, "main");

    public bool ByTags { get; }

    public IReadOnlyList<string> TagPatterns { get; }

    public string Branch { get; }

    /// <summary>How reports describe the selection, e.g. <c>tags v*, release-*</c>.</summary>
    public string Description => ByTags ? "tags " + string.Join(", ", TagPatterns) : $"merges to {Branch} touching environment paths";

    /// <exception cref="FormatException">The text is neither form.</exception>
    public static ReleaseSelection Parse(string text)
    {
        var colon = text.IndexOf(':');
        var kind = colon < 0 ? text : text.Substring(0, colon);
        var argument = colon < 0 ? null : text.Substring(colon + 1);
        switch (kind)
        {
            case "tags":
                var patterns = argument is null
                    ? DefaultTagPatterns
                    : argument.Split(',').Select(p => p.Trim()).Where(p => p.Length > 0).ToList();
                if (patterns.Count == 0)
                {
                    throw new FormatException("--releases tags: needs at least one pattern, e.g. tags:v*");
                }

                return new ReleaseSelection(true, patterns, "main");
            case "merges":
                var branch = string.IsNullOrWhiteSpace(argument) ? "main" : argument!.Trim();
                return new ReleaseSelection(false, Array.Empty<string>(), branch);
            default:
                throw new FormatException($"--releases must be tags[:PATTERN,...] or merges[:BRANCH]; '{text}' is neither");
        }
    }

    public bool MatchesTag(string name) => tagMatchers.Any(m => m.IsMatch(name));
}
