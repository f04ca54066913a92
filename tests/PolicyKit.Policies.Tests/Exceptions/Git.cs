using System;
using System.Diagnostics;

namespace PolicyKit.Policies.Tests.Exceptions;

/// <summary>Runs the real git for tests that build a throw-away repository; knows whether git is installed at all.</summary>
internal static class Git
{
    private static readonly Lazy<bool> IsAvailableValue = new(() =>
    {
        try
        {
            return Run(System.IO.Path.GetTempPath(), null, "--version").ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    });

    public static bool IsAvailable => IsAvailableValue.Value;

    /// <summary>Runs git in <paramref name="directory"/> as <paramref name="author"/> (name and e-mail) at a fixed date, ignoring the user's git configuration.</summary>
    public static (int ExitCode, string Output) Run(string directory, (string Name, string Email, string Date)? author, params string[] arguments)
    {
        var start = new ProcessStartInfo("git")
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "-c", "commit.gpgsign=false", "-c", "init.defaultBranch=main" })
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["GIT_CONFIG_GLOBAL"] = "/dev/null";
        start.Environment["GIT_CONFIG_NOSYSTEM"] = "1";
        if (author is { } who)
        {
            start.Environment["GIT_AUTHOR_NAME"] = who.Name;
            start.Environment["GIT_AUTHOR_EMAIL"] = who.Email;
            start.Environment["GIT_AUTHOR_DATE"] = who.Date;
            start.Environment["GIT_COMMITTER_NAME"] = who.Name;
            start.Environment["GIT_COMMITTER_EMAIL"] = who.Email;
            start.Environment["GIT_COMMITTER_DATE"] = who.Date;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return (process.ExitCode, output.Result + error.Result);
    }

    public static void MustRun(string directory, (string Name, string Email, string Date)? author, params string[] arguments)
    {
        var (exitCode, output) = Run(directory, author, arguments);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"git {string.Join(" ", arguments)} failed: {output}");
        }
    }
}
