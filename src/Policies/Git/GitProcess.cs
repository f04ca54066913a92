#if NET
using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Text;
using System.Threading.Tasks;

namespace PolicyKit.Policies.Git;

/// <summary>
/// Runs the real <c>git</c> read-only for the release history: never prompts, never takes the index lock, no pager, and
/// a time limit per command. Only plumbing and log commands run, so nothing from the read repository executes.
/// </summary>
internal static class GitProcess
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

    /// <summary>Runs git in <paramref name="directory"/> and returns its standard output; a non-zero exit throws with git's first error line.</summary>
    public static byte[] Run(string directory, byte[]? input, params string[] arguments)
    {
        var start = new ProcessStartInfo("git")
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            CreateNoWindow = true,
            StandardErrorEncoding = Encoding.UTF8,
        };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("core.quotepath=off");
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["GIT_TERMINAL_PROMPT"] = "0";
        start.Environment["GIT_OPTIONAL_LOCKS"] = "0";
        start.Environment["GIT_PAGER"] = "cat";
        start.Environment["LC_ALL"] = "C";

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new Win32Exception("the process did not start");
        }
        catch (Win32Exception exception)
        {
            throw new GitReadException($"git could not be started ({exception.Message}); policykit metrics reads the release history with git");
        }

        using (process)
        {
            var output = new MemoryStream();
            var copy = process.StandardOutput.BaseStream.CopyToAsync(output);
            var error = process.StandardError.ReadToEndAsync();
            var feed = Task.Run(() =>
            {
                try
                {
                    if (input is not null)
                    {
                        process.StandardInput.BaseStream.Write(input, 0, input.Length);
                    }

                    process.StandardInput.Close();
                }
                catch (IOException)
                {
                    // git stopped reading early; its exit code says why.
                }
            });

            if (!process.WaitForExit((int)Timeout.TotalMilliseconds))
            {
                try
                {
                    process.Kill(entireProcessTree: true);
                }
                catch (InvalidOperationException)
                {
                    // It exited between the timeout and the kill.
                }

                throw new GitReadException($"'git {string.Join(" ", arguments)}' did not finish within {Timeout.TotalSeconds.ToString("0", CultureInfo.InvariantCulture)} seconds");
            }

            Task.WaitAll(copy, error, feed);
            if (process.ExitCode != 0)
            {
                var message = error.Result.Trim();
                var newline = message.IndexOf('\n');
                throw new GitReadException($"'git {string.Join(" ", arguments)}' failed: {(newline < 0 ? message : message.Substring(0, newline))}");
            }

            return output.ToArray();
        }
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
