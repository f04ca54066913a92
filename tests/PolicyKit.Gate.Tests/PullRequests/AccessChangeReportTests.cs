using System.Linq;

namespace PolicyKit.Gate.Tests.PullRequests;

/// <summary>Privileged-access changes reach the reports of <c>check --base</c>: listed with location and counted.</summary>
public sealed class AccessChangeReportTests
{
    private const string Role = """
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata:
          name: odoo-reader
        rules:
          - apiGroups: [""]
            resources: [configmaps]
            verbs: [get]
        """;

    [SkippableFact]
    public void A_role_that_starts_reading_secrets_is_listed_with_before_after_and_location_and_counted()
    {
        Skip.IfNot(GitHistory.IsAvailable, GitHistory.SkipReason);
        using var git = new GitHistory();
        git.Write("rbac/reader.yaml", Role);
        git.Write("web.yaml", ChangeManifests.Deployment("web"));
        git.Commit("base");
        git.Write("rbac/reader.yaml", Role.Replace("resources: [configmaps]", "resources: [configmaps, secrets]").Replace("verbs: [get]", "verbs: [get, list]"));

        var run = git.Check("--base", "HEAD", "--format", "json");
        var console = git.Check("--base", "HEAD");

        var access = JsonReport.Root(run.StandardOutput).GetProperty("comparison").GetProperty("privilegedAccess");
        Assert.Equal((1, 1, 0, 0), (access.GetProperty("changes").GetInt32(), access.GetProperty("byArea").GetProperty("rbac").GetInt32(), access.GetProperty("byArea").GetProperty("workload").GetInt32(), access.GetProperty("byArea").GetProperty("network").GetInt32()));
        var item = access.GetProperty("items").EnumerateArray().Single();
        Assert.Equal(
            ("secrets", "ClusterRole odoo-reader", "none", "get, list", "rbac/reader.yaml", 8, "rules[0].verbs"),
            (item.GetProperty("kind").GetString(), item.GetProperty("resource").GetString(), item.GetProperty("before").GetString(), item.GetProperty("after").GetString(),
             item.GetProperty("location").GetProperty("file").GetString(), item.GetProperty("location").GetProperty("line").GetInt32(), item.GetProperty("field").GetString()));
        Assert.Contains("Access  1 privileged-access change\n  rbac/reader.yaml:8:12  ClusterRole odoo-reader may get, list Secrets in every namespace (before: none; after: get, list)", console.StandardOutput);
    }
}
