using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using PolicyKit.Testing;
using Xunit.Sdk;

namespace PolicyKit.Gate.Tests;

/// <summary>
/// Every README excerpt is the output of a real run: each <c>```text</c> block that starts with
/// <c>$ dotnet run --project src/Gate -- ARGS</c> is checked against <c>policykit ARGS</c> run from the repository root.
/// A line <c>…</c> stands for lines left out; every other line must be a line of the output, in order, and lines shown
/// next to each other must be next to each other in the output. An excerpt that does not start (end) with <c>…</c> shows
/// the output's first (last) line.
/// </summary>
public sealed class ReadmeTests
{
    private const string CommandPrefix = "$ dotnet run --project src/Gate -- ";
    private const string Elision = "…";

    public static TheoryData<int> Excerpts()
    {
        var data = new TheoryData<int>();
        for (var i = 0; i < ReadExcerpts().Count; i++)
        {
            data.Add(i);
        }

        return data;
    }

    [Fact]
    public void The_readme_shows_output_of_check_and_of_the_exception_register()
    {
        var commands = ReadExcerpts().Select(e => e.Command).ToList();

        Assert.Contains(commands, c => c.StartsWith("check ", StringComparison.Ordinal));
        Assert.Contains(commands, c => c.StartsWith("exceptions report ", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Excerpts))]
    public void Readme_excerpt_matches_a_real_run_of_its_command(int index)
    {
        var excerpt = ReadExcerpts()[index];
        var result = PolicyKitProcess.Run(excerpt.Command.Split(' ', StringSplitOptions.RemoveEmptyEntries), RepositoryPaths.Root);
        Assert.True(result.ExitCode is 0 or 1, result.ToString());

        var output = result.StandardOutput.TrimEnd('\n').Split('\n');
        var problem = Mismatch(excerpt.Lines, output);
        if (problem is not null)
        {
            throw new XunitException($"README.md line {excerpt.Line}: the excerpt of '{excerpt.Command}' is stale: {problem}\n--- real output ---\n{result.StandardOutput}");
        }
    }

    [Fact]
    public void Matching_requires_shown_neighbours_to_stay_neighbours_and_elisions_to_be_marked()
    {
        string[] output = ["a", "b", "c", "d"];

        Assert.Null(Mismatch(["a", Elision, "c", "d"], output));
        Assert.Null(Mismatch([Elision, "b", "c", Elision], output));
        Assert.NotNull(Mismatch(["a", "c", Elision], output));
        Assert.NotNull(Mismatch(["a", Elision, "c"], output));
        Assert.NotNull(Mismatch(["b", Elision], output));
        Assert.NotNull(Mismatch([Elision, "c", "b", Elision], output));
    }

    /// <summary>Null when <paramref name="excerpt"/> is a faithful excerpt of <paramref name="output"/>; else what differs.</summary>
    private static string? Mismatch(IReadOnlyList<string> excerpt, IReadOnlyList<string> output)
    {
        var chunks = new List<List<string>> { new() };
        foreach (var line in excerpt)
        {
            if (line == Elision)
            {
                chunks.Add(new List<string>());
            }
            else
            {
                chunks[^1].Add(line);
            }
        }

        var anchoredStart = chunks[0].Count > 0;
        var anchoredEnd = chunks[^1].Count > 0;
        var position = 0;
        for (var c = 0; c < chunks.Count; c++)
        {
            var chunk = chunks[c];
            if (chunk.Count == 0)
            {
                continue;
            }

            var found = -1;
            var isLast = c == chunks.Count - 1 && anchoredEnd;
            var first = isLast ? Math.Max(position, output.Count - chunk.Count) : position;
            var last = c == 0 && anchoredStart ? 0 : output.Count - chunk.Count;
            for (var start = first; start <= last; start++)
            {
                if (chunk.Select((line, i) => output[start + i] == line).All(equal => equal))
                {
                    found = start;
                    break;
                }
            }

            if (found < 0)
            {
                var where = c == 0 && anchoredStart ? "at its start" : isLast ? $"at its end (or add a line '{Elision}')" : "as one block after the previous one";
                return $"these lines are not in the output {where}:\n{string.Join("\n", chunk)}";
            }

            position = found + chunk.Count;
        }

        return null;
    }

    private static List<Excerpt> ReadExcerpts()
    {
        var lines = File.ReadAllLines(RepositoryPaths.Combine("README.md"), Encoding.UTF8);
        var excerpts = new List<Excerpt>();
        for (var i = 0; i < lines.Length - 1; i++)
        {
            if (lines[i] != "```text" || !lines[i + 1].StartsWith(CommandPrefix, StringComparison.Ordinal))
            {
                continue;
            }

            var body = new List<string>();
            var j = i + 2;
            for (; j < lines.Length && lines[j] != "```"; j++)
            {
                body.Add(lines[j]);
            }

            excerpts.Add(new Excerpt(i + 2, lines[i + 1].Substring(CommandPrefix.Length), body));
            i = j;
        }

        return excerpts;
    }

    private sealed record Excerpt(int Line, string Command, IReadOnlyList<string> Lines);
}
