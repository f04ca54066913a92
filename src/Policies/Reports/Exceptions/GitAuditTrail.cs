using System;
using System.Collections.Generic;
using System.Globalization;
using PolicyKit.Policies.Loading;
#if NET
using System.ComponentModel;
using System.Diagnostics;
using System.IO;
using System.Text;
using System.Threading.Tasks;
#endif

namespace PolicyKit.Policies.Reports.Exceptions;

/// <summary>
/// Reads each exception file's history with the real <c>git</c> (<c>git log --follow</c>, so renames keep their
/// history): the commit that added the file and the last one that changed it. Every call has a timeout, git never
/// prompts, and nothing takes a lock on the repository. When git is missing or the folder is not in a repository the
/// trail says so, and the report still comes out.
/// </summary>
/// <remarks>
/// Runs only in the net10.0 build: starting processes has no place in the analyzer and MSBuild hosts that load the
/// netstandard2.0 build, and <c>ProcessStartInfo.ArgumentList</c> (no hand-quoted paths) is net-only.
/// </remarks>
public static class GitAuditTrail
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(15);

    private const char Separator = '\u001f';

    /// <param name="directory">The exceptions folder (absolute); git runs there.</param>
    /// <param name="files">The exception files; their <see cref="ManifestSource.DisplayPath"/> keys the result.</param>
    /// <param name="timeout">The longest any one git command may run.</param>
    /// <param name="git">The git executable (tests point it at a missing one).</param>
    public static AuditTrail Read(string directory, IReadOnlyList<ManifestSource> files, TimeSpan timeout, string git = "git")
    {
#if NET
        var version = Run(git, directory, timeout, "--version");
        if (version.Failure is { } failure)
        {
            return AuditTrail.Unavailable($"git not available: {failure}");
        }

        if (!System.IO.Directory.Exists(directory))
        {
            return AuditTrail.Unavailable($"git not consulted: the folder {directory} does not exist");
        }

        var topLevel = Run(git, directory, timeout, "rev-parse", "--show-toplevel");
        if (topLevel.Failure is { } topLevelFailure)
        {
            return AuditTrail.Unavailable($"git not available: {topLevelFailure}");
        }

        if (topLevel.ExitCode != 0)
        {
            return AuditTrail.Unavailable($"git not available: the exceptions folder is not inside a git repository ({FirstLine(topLevel.Error)})");
        }

        var histories = new Dictionary<string, FileHistory>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            if (file.FullPath is null)
            {
                continue;
            }

            var log = Run(git, directory, timeout, "log", "--follow", "--format=%H%x1f%an%x1f%ae%x1f%aI", "--", file.FullPath);
            if (log.Failure is not null || log.ExitCode != 0)
            {
                return AuditTrail.Unavailable($"git not available: git log failed for {file.DisplayPath} ({log.Failure ?? FirstLine(log.Error)})");
            }

            var commits = ParseLog(log.Output);
            var status = Run(git, directory, timeout, "status", "--porcelain=v1", "--", file.FullPath);
            var uncommitted = status.ExitCode == 0 && status.Output.Trim().Length > 0;
            histories[file.DisplayPath] = new FileHistory(
                commits.Count == 0 ? null : commits[commits.Count - 1],
                commits.Count == 0 ? null : commits[0],
                uncommitted);
        }

        return new AuditTrail(true, null, histories);
#else
        return AuditTrail.Unavailable("git not available: the audit trail needs the net10.0 build of PolicyKit");
#endif
    }

    /// <summary>Parses <c>git log --format=%H%x1f%an%x1f%ae%x1f%aI</c>, newest first.</summary>
    internal static IReadOnlyList<GitCommit> ParseLog(string output)
    {
        var commits = new List<GitCommit>();
        foreach (var line in output.Split('\n'))
        {
            var fields = line.TrimEnd('\r').Split(Separator);
            if (fields.Length == 4
                && DateTimeOffset.TryParse(fields[3], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                commits.Add(new GitCommit(fields[0], fields[1], fields[2], date.ToUniversalTime()));
            }
        }

        return commits;
    }

    private static string FirstLine(string text)
    {
        var trimmed = text.Trim();
        var newline = trimmed.IndexOf('\n');
        return newline < 0 ? trimmed : trimmed.Substring(0, newline).Trim();
    }

#if NET
    private static GitResult Run(string git, string directory, TimeSpan timeout, params string[] arguments)
    {
        var start = new ProcessStartInfo(git)
        {
            WorkingDirectory = Directory.Exists(directory) ? directory : Path.GetTempPath(),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            CreateNoWindow = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };

        // Paths come out as they are (no octal quoting); read-only: never prompt, never take the index lock.
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
            return new GitResult(-1, string.Empty, string.Empty, $"'{git}' could not be started ({exception.Message})");
        }

        using (process)
        {
            process.StandardInput.Close();
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
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

                return new GitResult(-1, string.Empty, string.Empty, $"'git {string.Join(" ", arguments)}' did not finish within {timeout.TotalSeconds.ToString("0", CultureInfo.InvariantCulture)} seconds");
            }

            Task.WaitAll(output, error);
            return new GitResult(process.ExitCode, output.Result, error.Result, null);
        }
    }

    /// <summary>What git printed and returned; <c>Failure</c> says why there is no answer at all (not started, timed out).</summary>
    private sealed record GitResult(int ExitCode, string Output, string Error, string? Failure);
#endif
}
