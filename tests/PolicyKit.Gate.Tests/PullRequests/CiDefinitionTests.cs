using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using PolicyKit.Testing;

namespace PolicyKit.Gate.Tests.PullRequests;

/// <summary>
/// The CI definitions in docs/ci work as written: each file's <c>policykit check</c> command, with the platform's
/// variables filled in as the platform would, runs against a real repository whose pull request adds a privileged
/// container, and produces the reports the rest of the definition publishes.
/// </summary>
public sealed class CiDefinitionTests
{
    private static readonly Regex Command = new("policykit check .*$", RegexOptions.Multiline);

    /// <summary>The definition's gate command, split into arguments as a POSIX shell would (double quotes only).</summary>
    private static List<string> GateArguments(string definition, IReadOnlyDictionary<string, string> variables)
    {
        var text = File.ReadAllText(RepositoryPaths.Combine("docs", "ci", definition));
        var matches = Command.Matches(text);
        Assert.True(matches.Count == 1, $"{definition} must run 'policykit check' exactly once");
        var line = matches[0].Value.TrimEnd();
        foreach (var (name, value) in variables)
        {
            line = line.Replace(name, value);
        }

        Assert.DoesNotContain("$", line);
        var arguments = new List<string>();
        var current = new StringBuilder();
        var quoted = false;
        foreach (var c in line)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == ' ' && !quoted)
            {
                if (current.Length > 0)
                {
                    arguments.Add(current.ToString());
                    current.Clear();
                }
            }
            else
            {
                current.Append(c);
            }
        }

        arguments.Add(current.ToString());
        Assert.Equal("policykit", arguments[0]);
        return arguments.Skip(1).ToList();
    }

    /// <summary>A repository whose last commit (the pull request) makes a container privileged; returns the base commit.</summary>
    private static string PullRequest(GitHistory git)
    {
        git.Write("tenants/acme/worker.yaml", ChangeManifests.Deployment("worker", "registry.acme.example/odoo:latest"));
        var baseCommit = git.Commit("base");
        git.Write("tenants/acme/worker.yaml", ChangeManifests.Deployment("worker", "registry.acme.example/odoo:latest", privileged: true));
        git.Commit("pull request: the worker needs the GPU");
        return baseCommit;
    }

    [SkippableFact]
    public void GitHub_Actions_workflow_gates_the_pull_request_and_writes_sarif_summary_and_annotations()
    {
        Skip.IfNot(GitHistory.IsAvailable, GitHistory.SkipReason);
        using var git = new GitHistory();
        var baseCommit = PullRequest(git);
        var definition = File.ReadAllText(RepositoryPaths.Combine("docs", "ci", "github-actions.yml"));
        var arguments = GateArguments("github-actions.yml", new Dictionary<string, string> { ["${{ github.event.pull_request.base.sha }}"] = baseCommit });

        var run = PolicyKitProcess.Run(arguments, git.Path, environment: new Dictionary<string, string?> { ["GITHUB_ACTIONS"] = "true" });

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("fetch-depth: 0", definition);
        Assert.Contains("cat policykit.md >> \"$GITHUB_STEP_SUMMARY\"", definition);
        Assert.Contains("sarif_file: policykit.sarif", definition);
        Assert.StartsWith("## PolicyKit: ❌ FAIL", File.ReadAllText(Path.Combine(git.Path, "policykit.md")));
        Assert.Contains("\"ruleId\": \"PK1007\"", File.ReadAllText(Path.Combine(git.Path, "policykit.sarif")));
        Assert.Contains("::error file=tenants/acme/worker.yaml,line=25,col=25,title=PK1007", run.StandardError);
        Assert.DoesNotContain("PK1002", run.StandardError);
    }

    [SkippableFact]
    public void GitLab_CI_job_gates_the_merge_request_and_writes_junit_and_markdown()
    {
        Skip.IfNot(GitHistory.IsAvailable, GitHistory.SkipReason);
        using var git = new GitHistory();
        var baseCommit = PullRequest(git);
        var definition = File.ReadAllText(RepositoryPaths.Combine("docs", "ci", "gitlab-ci.yml"));
        var arguments = GateArguments("gitlab-ci.yml", new Dictionary<string, string> { ["$CI_MERGE_REQUEST_DIFF_BASE_SHA"] = baseCommit });

        var run = PolicyKitProcess.Run(arguments, git.Path);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("GIT_DEPTH: \"0\"", definition);
        Assert.Contains("junit: policykit-junit.xml", definition);
        Assert.Contains("<failure type=\"critical\"", File.ReadAllText(Path.Combine(git.Path, "policykit-junit.xml")));
        Assert.True(File.Exists(Path.Combine(git.Path, "policykit.md")));
    }

    [SkippableFact]
    public void Azure_Pipelines_definition_gates_against_the_target_branch_and_passes_a_clean_change()
    {
        Skip.IfNot(GitHistory.IsAvailable, GitHistory.SkipReason);
        using var git = new GitHistory();
        git.Write("tenants/acme/worker.yaml", ChangeManifests.Deployment("worker", "registry.acme.example/odoo:latest"));
        var baseCommit = git.Commit("base");
        git.MustRun("update-ref", "refs/remotes/origin/main", baseCommit);
        git.Write("tenants/acme/web.yaml", ChangeManifests.Deployment("web"));
        git.Commit("pull request: a clean web tier");
        var staging = Path.Combine(git.Path, ".artifacts");
        var definition = File.ReadAllText(RepositoryPaths.Combine("docs", "ci", "azure-pipelines.yml"));
        var arguments = GateArguments("azure-pipelines.yml", new Dictionary<string, string>
        {
            ["$(System.PullRequest.TargetBranchName)"] = "main",
            ["$(Build.ArtifactStagingDirectory)"] = staging,
        });

        var run = PolicyKitProcess.Run(arguments, git.Path);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("fetchDepth: 0", definition);
        Assert.Contains("testResultsFiles: $(Build.ArtifactStagingDirectory)/policykit-junit.xml", definition);
        Assert.Contains("failures=\"0\"", File.ReadAllText(Path.Combine(staging, "policykit-junit.xml")));
        Assert.True(File.Exists(Path.Combine(staging, "policykit.sarif")));
        Assert.Contains("## PolicyKit: ✅ PASS", File.ReadAllText(Path.Combine(staging, "policykit.md")));
    }
}
