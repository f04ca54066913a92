using System;
using System.IO;
using PolicyKit.Policies.Metrics;
using PolicyKit.Policies.Tests.Exceptions;
using TestGit = PolicyKit.Policies.Tests.Exceptions.Git;

namespace PolicyKit.Policies.Tests.Metrics;

/// <summary>
/// A throw-away deployment repository built commit by commit at fixed dates, with lightweight tags as releases (a
/// lightweight tag's date is its commit's date), for metrics whose expected values the tests work out by hand.
/// </summary>
internal sealed class ReleaseHistory : IDisposable
{
    public const string Alice = "Alice Admin <alice@shop.example>";
    public const string Bob = "Bob Builder <bob@shop.example>";

    /// <summary>The core pack only, blocking at high: a one-container Deployment as <see cref="Deployment"/> writes it draws 9 findings, 2 blocking (PK1008, PK1009).</summary>
    public const string CorePolicy = "packs:\n  - name: core\n    version: \">=1.0.0\"\nfailOn: high\n";

    private readonly TempFolder folder = new();

    public ReleaseHistory()
    {
        TestGit.MustRun(Path, null, "init", "--quiet");
    }

    public string Path => folder.Path;

    public ReleaseHistory Write(string relativePath, string text)
    {
        folder.Write(relativePath, text);
        return this;
    }

    public ReleaseHistory Delete(string relativePath)
    {
        File.Delete(System.IO.Path.Combine(Path, relativePath));
        return this;
    }

    /// <summary>Commits every change as <paramref name="author"/> (name and e-mail) at <paramref name="date"/> (UTC); returns the commit id.</summary>
    public string Commit(string date, string message, string author = Alice)
    {
        TestGit.MustRun(Path, null, "add", "--all");
        TestGit.MustRun(Path, Person(author, date), "commit", "--quiet", "--allow-empty", "-m", message);
        return TestGit.Run(Path, null, "rev-parse", "HEAD").Output.Trim();
    }

    public ReleaseHistory Tag(string name)
    {
        TestGit.MustRun(Path, null, "tag", name);
        return this;
    }

    public MetricsReport Measure(string releases = "tags", string? vulnerabilities = null) =>
        MetricsBuilder.Build(new MetricsRequest(Path, ReleaseSelection.Parse(releases)) { VulnerabilityReports = vulnerabilities }, "repo");

    public static (string Name, string Email, string Date) Person(string who, string date)
    {
        var open = who.IndexOf('<');
        return (who.Substring(0, open).Trim(), who.Substring(open + 1).TrimEnd('>'), date + "T12:00:00Z");
    }

    /// <summary>A Deployment of one container <c>app</c> in namespace <c>shop</c>, with no hardening: 9 findings under <see cref="CorePolicy"/>.</summary>
    public static string Deployment(string name, string image = "nginx:1.25") => $"""
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: {name}
          namespace: shop
        spec:
          selector:
            matchLabels: {"{"}app: {name}{"}"}
          template:
            metadata:
              labels: {"{"}app: {name}{"}"}
            spec:
              containers:
                - name: app
                  image: {image}
        """;

    public void Dispose() => folder.Dispose();
}
