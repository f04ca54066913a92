using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;

namespace PolicyKit.Gate.Tests.PullRequests;

/// <summary>
/// A real git repository in a temporary folder, committed to with a fixed author and dates one hour apart (so commit
/// ids are the same on every run), and the user's own git configuration ignored.
/// </summary>
internal sealed class GitHistory : IDisposable
{
    private static readonly Lazy<bool> Available = new(() =>
    {
        try
        {
            return Run(System.IO.Path.GetTempPath(), 0, "--version").ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    });

    private readonly TempDirectory folder = new();
    private int commits;

    public GitHistory()
    {
        MustRun("init", "--quiet");
    }

    public static bool IsAvailable => Available.Value;

    public const string SkipReason = "git is not installed on this machine";

    public string Path => folder.Path;

    public void Write(string relativePath, string text) => folder.Write(relativePath, text);

    public void Delete(string relativePath) => File.Delete(folder.Combine(relativePath));

    public string Read(string relativePath) => folder.ReadText(relativePath);

    /// <summary>Commits every change in the working tree and returns the new commit's id.</summary>
    public string Commit(string message)
    {
        MustRun("add", "--all");
        MustRun("commit", "--quiet", "--allow-empty", "-m", message);
        return MustRun("rev-parse", "HEAD").Trim();
    }

    public string MustRun(params string[] arguments)
    {
        var (exitCode, output) = Run(Path, ++commits, arguments);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"git {string.Join(" ", arguments)} failed: {output}");
        }

        return output;
    }

    public PolicyKitResult Check(params string[] arguments)
    {
        var all = new List<string> { "check" };
        all.AddRange(arguments);
        return PolicyKitProcess.Run(all, Path);
    }

    public static (int ExitCode, string Output) Run(string directory, int tick, params string[] arguments)
    {
        var start = new ProcessStartInfo("git")
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "-c", "commit.gpgsign=false", "-c", "init.defaultBranch=main", "-c", "protocol.file.allow=always" })
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var date = new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero).AddHours(tick).ToString("yyyy-MM-ddTHH:mm:ssK", CultureInfo.InvariantCulture);
        start.Environment["GIT_CONFIG_GLOBAL"] = "/dev/null";
        start.Environment["GIT_CONFIG_NOSYSTEM"] = "1";
        start.Environment["GIT_AUTHOR_NAME"] = "Ana Reviewer";
        start.Environment["GIT_AUTHOR_EMAIL"] = "ana@acme.example";
        start.Environment["GIT_AUTHOR_DATE"] = date;
        start.Environment["GIT_COMMITTER_NAME"] = "Ana Reviewer";
        start.Environment["GIT_COMMITTER_EMAIL"] = "ana@acme.example";
        start.Environment["GIT_COMMITTER_DATE"] = date;

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return (process.ExitCode, output.Result + error.Result);
    }

    public void Dispose() => folder.Dispose();
}
