using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Runtime.Versioning;
using Xunit;

namespace PolicyKit.Gate.Tests;

/// <summary>How the gate walks a folder (docs/discovery.md): ignore files, hidden folders, links, special files, empty input.</summary>
public sealed class RepositoryWalkTests
{
    private const string PrivilegedPod = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: debug\nspec:\n  containers:\n    - name: debug\n      image: busybox\n      securityContext:\n        privileged: true\n";

    private const string ConfigMap = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: odoo-config\ndata:\n  ODOO_DB_HOST: postgres\n";

    private static string[] Files(PolicyKitResult run) =>
        JsonReport.Findings(run.StandardOutput).Select(f => JsonReport.File(f)!).Distinct().OrderBy(f => f, StringComparer.Ordinal).ToArray();

    [Fact]
    public void Gitignored_build_outputs_are_not_checked_unless_no_ignore_is_given()
    {
        using var folder = new TempDirectory();
        folder.Write(".gitignore", "bin/\nobj/\n");
        folder.Write("deploy/odoo.yaml", PrivilegedPod);
        folder.Write("bin/Release/odoo.yaml", PrivilegedPod);
        folder.Write("src/App/obj/odoo.yaml", PrivilegedPod);

        var ignoring = folder.Run("check", ".", "--format", "json");
        var everything = folder.Run("check", ".", "--format", "json", "--no-ignore");

        Assert.Equal(new[] { "deploy/odoo.yaml" }, Files(ignoring));
        Assert.Equal(2, JsonReport.Root(ignoring.StandardOutput).GetProperty("summary").GetProperty("discovery").GetProperty("ignoredPaths").GetInt32());
        Assert.Equal(new[] { "bin/Release/odoo.yaml", "deploy/odoo.yaml", "src/App/obj/odoo.yaml" }, Files(everything));
    }

    [Fact]
    public void Nested_gitignore_files_follow_git_semantics()
    {
        using var folder = new TempDirectory();
        folder.Write(".gitignore", "/root-only.yaml\n**/generated/*.yaml\n");
        folder.Write("root-only.yaml", PrivilegedPod);
        folder.Write("nested/root-only.yaml", PrivilegedPod);
        folder.Write("a/b/generated/pod.yaml", PrivilegedPod);
        folder.Write("drafts/.gitignore", "*.yaml\n!keep.yaml\n");
        folder.Write("drafts/scratch.yaml", PrivilegedPod);
        folder.Write("drafts/keep.yaml", PrivilegedPod);
        folder.Write("logs", "a file, not a folder\n");
        folder.Write(".git/info/exclude", "local/\n");
        folder.Write("local/pod.yaml", PrivilegedPod);

        var run = folder.Run("check", ".", "--format", "json");

        // Anchored patterns match only beside their ignore file; negation re-includes; ** crosses folders.
        Assert.Equal(new[] { "drafts/keep.yaml", "nested/root-only.yaml" }, Files(run));
    }

    [Fact]
    public void Policy_exclude_still_applies_and_hidden_folders_are_counted()
    {
        using var folder = new TempDirectory();
        folder.Write("policykit.yaml", "failOn: high\nexclude:\n  - legacy/\n");
        folder.Write("legacy/pod.yaml", PrivilegedPod);
        folder.Write(".cache/pod.yaml", PrivilegedPod);
        folder.Write("deploy/config.yaml", ConfigMap);

        var run = folder.Run("check", ".", "--format", "json");

        Assert.Empty(JsonReport.Findings(run.StandardOutput));
        var discovery = JsonReport.Root(run.StandardOutput).GetProperty("summary").GetProperty("discovery");
        Assert.Equal(1, discovery.GetProperty("hiddenFolders").GetInt32());
        Assert.Equal(1, discovery.GetProperty("ignoredPaths").GetInt32());
    }

    [Fact]
    public void Link_loops_and_folder_links_are_walked_once()
    {
        using var folder = new TempDirectory();
        folder.Write("deploy/pod.yaml", PrivilegedPod);
        File.CreateSymbolicLink(folder.Combine("self"), ".");
        File.CreateSymbolicLink(folder.Combine("deploy/up"), "..");
        File.CreateSymbolicLink(folder.Combine("mirror"), "deploy");
        File.CreateSymbolicLink(folder.Combine("pod-link.yaml"), "deploy/pod.yaml");

        var run = folder.Run("check", ".", "--format", "json");

        var privileged = JsonReport.Findings(run.StandardOutput).Where(f => f.GetProperty("ruleId").GetString() == "PK1007").ToList();
        Assert.Single(privileged);
        Assert.True(JsonReport.Root(run.StandardOutput).GetProperty("summary").GetProperty("discovery").GetProperty("linksNotFollowed").GetInt32() >= 2);
    }

    [Fact]
    public void A_folder_link_out_of_the_checked_tree_is_not_followed()
    {
        using var outside = new TempDirectory();
        outside.Write("secrets/pod.yaml", PrivilegedPod);
        using var folder = new TempDirectory();
        folder.Write("deploy/config.yaml", ConfigMap);
        File.CreateSymbolicLink(folder.Combine("deploy/elsewhere"), outside.Combine("secrets"));

        var run = folder.Run("check", ".", "--format", "json");

        var finding = Assert.Single(JsonReport.Findings(run.StandardOutput));
        Assert.Equal("PK0016", finding.GetProperty("ruleId").GetString());
        Assert.Equal("deploy/elsewhere", JsonReport.File(finding));
    }

    [SkippableFact]
    public void Devices_and_fifos_are_never_opened()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "FIFOs and /dev/zero are Linux fixtures");
        using var folder = new TempDirectory();
        folder.Write("deploy/config.yaml", ConfigMap);
        File.CreateSymbolicLink(folder.Combine("deploy/zero.yaml"), "/dev/zero");
        MakeFifo(folder.Combine("deploy/pipe.yaml"));

        var run = PolicyKitProcess.Run(new[] { "check", ".", "--format", "json" }, folder.Path, timeout: TimeSpan.FromSeconds(30));

        var findings = JsonReport.Findings(run.StandardOutput);
        Assert.Equal(new[] { "deploy/pipe.yaml", "deploy/zero.yaml" }, findings.Where(f => f.GetProperty("ruleId").GetString() == "PK0016" || f.GetProperty("ruleId").GetString() == "PK0015").Select(f => JsonReport.File(f)).OrderBy(f => f));
        Assert.Contains(findings, f => JsonReport.File(f) == "deploy/pipe.yaml" && f.GetProperty("ruleId").GetString() == "PK0015");
    }

    [Fact]
    public void A_dangling_link_says_it_is_dangling()
    {
        using var folder = new TempDirectory();
        folder.Write("deploy/config.yaml", ConfigMap);
        File.CreateSymbolicLink(folder.Combine("deploy/gone.yaml"), "removed.yaml");

        var run = folder.Run("check", ".", "--format", "json");

        var finding = Assert.Single(JsonReport.Findings(run.StandardOutput));
        Assert.Equal("PK0014", finding.GetProperty("ruleId").GetString());
        Assert.Contains("dangling symbolic link to 'removed.yaml'", finding.GetProperty("message").GetString());
    }

    [SkippableFact]
    [UnsupportedOSPlatform("windows")]
    public void An_unreadable_folder_is_a_located_finding_not_an_internal_error()
    {
        Skip.If(IsRoot(), "running as root, which can read any folder; the test needs an unprivileged user");
        using var folder = new TempDirectory();
        folder.Write("deploy/config.yaml", ConfigMap);
        folder.Write("locked/pod.yaml", PrivilegedPod);
        File.SetUnixFileMode(folder.Combine("locked"), UnixFileMode.None);
        try
        {
            var run = folder.Run("check", ".", "--format", "json");

            var finding = Assert.Single(JsonReport.Findings(run.StandardOutput));
            Assert.Equal("PK0013", finding.GetProperty("ruleId").GetString());
            Assert.Equal("locked", JsonReport.File(finding));
            Assert.Equal(1, run.ExitCode);
        }
        finally
        {
            File.SetUnixFileMode(folder.Combine("locked"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    [Fact]
    public void An_empty_input_fails_with_exit_code_2_unless_allowed()
    {
        using var folder = new TempDirectory();
        folder.Write(".gitignore", "deploy/\n");
        folder.Write("deploy/config.yaml", ConfigMap);

        var refused = folder.Run("check", ".");
        var allowed = folder.Run("check", ".", "--allow-empty");

        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("no Kubernetes objects to check", refused.StandardError);
        Assert.Contains("1 path(s) ignored", refused.StandardError);
        Assert.Equal(0, allowed.ExitCode);
    }

    private static bool IsRoot()
    {
        using var id = Process.Start(new ProcessStartInfo("id", "-u") { RedirectStandardOutput = true })!;
        var output = id.StandardOutput.ReadToEnd().Trim();
        id.WaitForExit();
        return output == "0";
    }

    private static void MakeFifo(string path)
    {
        using var mkfifo = Process.Start(new ProcessStartInfo("mkfifo", path) { UseShellExecute = false })!;
        mkfifo.WaitForExit();
        Assert.Equal(0, mkfifo.ExitCode);
    }
}
