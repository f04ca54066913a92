#if NET
using System;
using System.Collections.Generic;
using System.Text;

namespace PolicyKit.Policies.Git;

/// <summary>
/// Runs git for the release history through <see cref="GitCommand"/> (read-only, no prompt, no lock, no pager), with a
/// longer time limit for whole-history commands and the metrics command's own exception.
/// </summary>
internal static class GitProcess
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

    /// <summary>Runs git in <paramref name="directory"/> and returns its standard output; a non-zero exit throws with git's first error line.</summary>
    public static byte[] Run(string directory, byte[]? input, params string[] arguments)
    {
        GitOutput result;
        try
        {
            result = GitCommand.RunWithin(directory, input, Timeout, "policykit metrics reads the release history with git", arguments);
        }
        catch (GitException exception)
        {
            throw new GitReadException(exception.Message);
        }

        if (result.ExitCode != 0)
        {
            throw new GitReadException($"'git {string.Join(" ", arguments)}' failed: {result.FirstErrorLine}");
        }

        return result.Output;
    }

    public static string Text(string directory, params string[] arguments) => new UTF8Encoding(false).GetString(Run(directory, null, arguments));

    /// <summary>Splits output on a separator character, dropping empty records.</summary>
    public static IReadOnlyList<string> Records(string text, char separator)
    {
        var records = new List<string>();
        foreach (var record in text.Split(separator))
        {
            if (record.Trim('\n').Length > 0)
            {
                records.Add(record.Trim('\n'));
            }
        }

        return records;
    }
}
#endif
