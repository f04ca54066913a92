using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace PolicyKit.Analyzers.Tests.Documentation;

/// <summary>The pass and fail code blocks of a C# rule's page (<c>## Fails</c> / <c>## Passes</c>, fenced <c>csharp</c> or <c>json</c>).</summary>
internal sealed record RuleExamples(IReadOnlyList<RuleExample> Fails, IReadOnlyList<RuleExample> Passes)
{
    private static readonly Regex Block = new(@"^```(?<language>csharp|json)\n(?<code>.*?)^```", RegexOptions.Multiline | RegexOptions.Singleline);

    public static RuleExamples Parse(string page)
    {
        page = page.Replace("\r\n", "\n");
        var fails = page.IndexOf("\n## Fails\n", System.StringComparison.Ordinal);
        var passes = page.IndexOf("\n## Passes\n", System.StringComparison.Ordinal);
        return new RuleExamples(
            fails < 0 ? new List<RuleExample>() : Blocks(page, fails, passes > fails ? passes : page.Length),
            passes < 0 ? new List<RuleExample>() : Blocks(page, passes, fails > passes ? fails : page.Length));
    }

    private static List<RuleExample> Blocks(string page, int start, int end)
    {
        var found = new List<RuleExample>();
        foreach (Match match in Block.Matches(page.Substring(start, end - start)))
        {
            found.Add(new RuleExample(match.Groups["language"].Value, match.Groups["code"].Value));
        }

        return found;
    }
}

internal sealed record RuleExample(string Language, string Code);
