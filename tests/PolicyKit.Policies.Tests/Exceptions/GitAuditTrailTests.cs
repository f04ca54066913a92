using System;
using System.Linq;
using PolicyKit.Policies.Loading;
using PolicyKit.Policies.Reports.Exceptions;

namespace PolicyKit.Policies.Tests.Exceptions;

/// <summary>The register's audit trail comes from the real git: who added and who last changed each exception file.</summary>
public sealed class GitAuditTrailTests
{
    private static readonly (string, string, string) Maria = ("Maria Lopez", "maria.lopez@acme.example", "2026-11-20T09:15:00+01:00");
    private static readonly (string, string, string) Jonas = ("Jonas Berg", "jonas.berg@acme.example", "2026-11-25T16:40:00+00:00");

    private static AuditTrail Read(TempFolder folder, params string[] files) =>
        GitAuditTrail.Read(
            System.IO.Path.Combine(folder.Path, "exceptions"),
            files.Select(f => ManifestSource.FromFile(System.IO.Path.Combine(folder.Path, f), f)).ToList(),
            GitAuditTrail.DefaultTimeout);

    /// <summary>Without git on the machine, every trail must say so rather than fail.</summary>
    private static void AssertGitNotAvailableIsStated()
    {
        using var plain = new TempFolder();
        Assert.StartsWith("git not available", Read(plain, "exceptions/redis.yaml").Note);
    }

    /// <summary>A repository where Maria added exceptions/redis.yaml and Jonas changed it later.</summary>
    private static TempFolder Repository()
    {
        var folder = new TempFolder();
        Git.MustRun(folder.Path, null, "init", "--quiet");
        folder.Write("exceptions/redis.yaml", ExceptionText.File(ExceptionText.Record()));
        Git.MustRun(folder.Path, Maria, "add", ".");
        Git.MustRun(folder.Path, Maria, "commit", "--quiet", "-m", "Add EX-1");
        folder.Write("exceptions/redis.yaml", ExceptionText.File(ExceptionText.Record(expires: "2027-01-31")));
        Git.MustRun(folder.Path, Jonas, "commit", "--quiet", "-am", "Shorten EX-1");
        return folder;
    }

    [Fact]
    public void Audit_trail_names_who_added_and_who_last_changed_each_file()
    {
        if (!Git.IsAvailable)
        {
            AssertGitNotAvailableIsStated();
            return;
        }

        using var folder = Repository();

        var history = Read(folder, "exceptions/redis.yaml").For("exceptions/redis.yaml")!;

        Assert.Equal(
            ("Maria Lopez <maria.lopez@acme.example>", new DateTimeOffset(2026, 11, 20, 8, 15, 0, TimeSpan.Zero), "Jonas Berg <jonas.berg@acme.example>", new DateTimeOffset(2026, 11, 25, 16, 40, 0, TimeSpan.Zero)),
            (history.Added!.Who, history.Added.Date, history.LastChanged!.Who, history.LastChanged.Date));
        Assert.Matches("^[0-9a-f]{40}$", history.Added.Hash);
    }

    [Fact]
    public void Audit_trail_follows_a_renamed_file_to_the_commit_that_added_it()
    {
        if (!Git.IsAvailable)
        {
            AssertGitNotAvailableIsStated();
            return;
        }

        using var folder = Repository();
        Git.MustRun(folder.Path, Jonas, "mv", "exceptions/redis.yaml", "exceptions/cache.yaml");
        Git.MustRun(folder.Path, Jonas, "commit", "--quiet", "-m", "Rename");

        var history = Read(folder, "exceptions/cache.yaml").For("exceptions/cache.yaml")!;

        Assert.Equal("Maria Lopez", history.Added!.Author);
    }

    [Fact]
    public void Audit_trail_marks_a_file_with_uncommitted_changes()
    {
        if (!Git.IsAvailable)
        {
            AssertGitNotAvailableIsStated();
            return;
        }

        using var folder = Repository();
        folder.Write("exceptions/redis.yaml", ExceptionText.File(ExceptionText.Record(expires: "2027-01-15")));

        Assert.True(Read(folder, "exceptions/redis.yaml").For("exceptions/redis.yaml")!.UncommittedChanges);
    }

    [Fact]
    public void Audit_trail_reports_a_file_never_committed()
    {
        if (!Git.IsAvailable)
        {
            AssertGitNotAvailableIsStated();
            return;
        }

        using var folder = Repository();
        folder.Write("exceptions/new.yaml", ExceptionText.File(ExceptionText.Record(id: "EX-2")));

        var history = Read(folder, "exceptions/new.yaml").For("exceptions/new.yaml")!;

        Assert.False(history.IsCommitted);
        Assert.Equal("not committed yet", RegisterText.History(history, Read(folder)));
    }

    [Fact]
    public void Folder_outside_a_git_repository_is_stated_not_failed()
    {
        if (!Git.IsAvailable)
        {
            AssertGitNotAvailableIsStated();
            return;
        }

        using var folder = new TempFolder();
        folder.Write("exceptions/redis.yaml", ExceptionText.File(ExceptionText.Record()));

        var trail = Read(folder, "exceptions/redis.yaml");

        Assert.False(trail.Available);
        Assert.StartsWith("git not available: the exceptions folder is not inside a git repository", trail.Note);
    }

    [Fact]
    public void Missing_git_executable_is_stated_not_failed()
    {
        using var folder = new TempFolder();
        folder.Write("exceptions/redis.yaml", ExceptionText.File(ExceptionText.Record()));

        var trail = GitAuditTrail.Read(System.IO.Path.Combine(folder.Path, "exceptions"), Array.Empty<ManifestSource>(), GitAuditTrail.DefaultTimeout, git: "/nonexistent/policykit-test/git");

        Assert.False(trail.Available);
        Assert.StartsWith("git not available:", trail.Note);
    }

    [Fact]
    public void Git_log_output_is_read_newest_first_with_utc_dates()
    {
        var commits = GitAuditTrail.ParseLog("b2\u001fJonas\u001fj@x\u001f2026-11-25T17:40:00+01:00\na1\u001fMaria\u001fm@x\u001f2026-11-20T09:00:00Z\n");

        Assert.Equal(new[] { ("b2", new DateTimeOffset(2026, 11, 25, 16, 40, 0, TimeSpan.Zero)), ("a1", new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero)) }, commits.Select(c => (c.Hash, c.Date)));
    }
}
