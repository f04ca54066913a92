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
/// Runs the real <c>git</c> read-only: it never prompts, never takes the index lock, runs no pager and no hooks (only
/// plumbing commands that have none), and is killed when it exceeds its time limit.
/// </summary>
internal static class GitCommand
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);

    /// <summary>Runs git in <paramref name="directory"/>; <paramref name="input"/> is written to its standard input.</summary>
    public static GitOutput Run(string directory, byte[]? input, params string[] arguments) =>
        RunWithin(directory, input, DefaultTimeout, "install git or check without --base", arguments);

    /// <summary>
    /// Runs git with a time limit; <paramref name="whenMissing"/> ends the message when git cannot be started, saying what
    /// the calling command needs it for.
    /// </summary>
    public static GitOutput RunWithin(string directory, byte[]? input, TimeSpan timeout, string whenMissing, params string[] arguments)
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

        // Paths come out as they are (no octal quoting); the checked repository's configuration cannot start programs
        // through these plumbing commands, and none of them runs a hook.
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
            throw new GitException($"git could not be started ({exception.Message}); {whenMissing}");
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
                    // git exited before reading all of its input; its exit code tells why.
                }
            });

            if (!process.WaitForExit((int)timeout.TotalMilliseconds))
            {
                try
                {
                    process.Kill(entireProcessTree: true);
                }
                catch (InvalidOperationException)
                {
                    // It exited between the timeout and the kill.
                }

                throw new GitException($"'git {string.Join(" ", arguments)}' did not finish within {timeout.TotalSeconds.ToString("0", CultureInfo.InvariantCulture)} seconds");
            }

            Task.WaitAll(copy, error, feed);
            return new GitOutput(process.ExitCode, output.ToArray(), error.Result);
        }
    }

    /// <summary>Runs git and returns its standard output as text, or throws with git's own first line of error.</summary>
    public static string MustRun(string directory, params string[] arguments)
    {
        var result = Run(directory, null, arguments);
        if (result.ExitCode != 0)
        {
            throw new GitException($"'git {string.Join(" ", arguments)}' failed: {result.FirstErrorLine}");
        }

        return result.Text;
    }

    /// <summary>Splits NUL-terminated output (<c>-z</c>) into its records.</summary>
    public static IReadOnlyList<string> SplitNul(string text)
    {
        var records = new List<string>();
        foreach (var record in text.Split('\0'))
        {
            if (record.Length > 0)
            {
                records.Add(record);
            }
        }

        return records;
    }
}

/// <summary>What one git command returned.</summary>
internal sealed class GitOutput
{
    public GitOutput(int exitCode, byte[] output, string error)
    {
        ExitCode = exitCode;
        Output = output;
        Error = error;
    }

    public int ExitCode { get; }

    public byte[] Output { get; }

    public string Error { get; }

    public string Text => new UTF8Encoding(false).GetString(Output);

    public string FirstErrorLine
    {
        get
        {
            var trimmed = Error.Trim();
            var newline = trimmed.IndexOf('\n');
            return newline < 0 ? trimmed : trimmed.Substring(0, newline).Trim();
        }
    }
}
#endif
