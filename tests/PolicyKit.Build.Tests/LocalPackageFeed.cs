using System;
using System.IO;
using System.Linq;
using System.Security;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using PolicyKit.Testing;
using Xunit.Sdk;

namespace PolicyKit.Build.Tests;

/// <summary>
/// Packs PolicyKit.Build once per test run into a temporary feed, under a version no earlier run used, and prepares the
/// shared ground of every consumer project: one NuGet package cache (so no stale copy of the package is ever used and
/// the package is extracted once), and a nuget.config naming that feed plus this machine's usual package sources.
/// </summary>
public sealed class LocalPackageFeed : IDisposable
{
    public LocalPackageFeed()
    {
        Root = Path.Combine(Path.GetTempPath(), "policykit-build-tests", Guid.NewGuid().ToString("N"));
        FeedDirectory = Path.Combine(Root, "feed");
        PackagesDirectory = Path.Combine(Root, "packages");
        Directory.CreateDirectory(FeedDirectory);
        Directory.CreateDirectory(PackagesDirectory);

        var baseVersion = Regex.Match(File.ReadAllText(RepositoryPaths.Combine("Directory.Build.props")), "<Version>([^<]+)</Version>").Groups[1].Value;
        PackageVersion = $"{baseVersion}-e2e.{DateTime.UtcNow:yyyyMMddHHmmssfff}";

        // Its own artifacts folder: packing never touches the bin/ and obj/ folders a developer's build uses.
        var pack = DotnetProcess.Run(RepositoryPaths.Root, UserPackagesDirectory,
            "pack", RepositoryPaths.Combine("src", "Build", "PolicyKit.Build.csproj"), "-c", "Release", "-o", FeedDirectory,
            "--artifacts-path", Path.Combine(Root, "artifacts"), $"-p:Version={PackageVersion}", "-nodeReuse:false");
        if (pack.ExitCode != 0)
        {
            throw new XunitException("packing PolicyKit.Build failed:\n" + pack);
        }

        PackagePath = Path.Combine(FeedDirectory, $"PolicyKit.Build.{PackageVersion}.nupkg");
        analyzersPackage = new Lazy<string>(PackAnalyzers);
        WriteConsumerSettings();
    }

    public string Root { get; }

    public string FeedDirectory { get; }

    public string PackagesDirectory { get; }

    public string PackageVersion { get; }

    public string PackagePath { get; }

    /// <summary>
    /// PolicyKit.Analyzers, packed into the same feed under the same version on first use only, so the runs that need no
    /// consumer with both packages do not pay for building the analyzers.
    /// </summary>
    public string AnalyzersPackageVersion => analyzersPackage.Value;

    private readonly Lazy<string> analyzersPackage;

    private string PackAnalyzers()
    {
        var pack = DotnetProcess.Run(RepositoryPaths.Root, UserPackagesDirectory,
            "pack", RepositoryPaths.Combine("src", "Analyzers.Package", "PolicyKit.Analyzers.Package.csproj"), "-c", "Release", "-o", FeedDirectory,
            "--artifacts-path", Path.Combine(Root, "artifacts"), $"-p:Version={PackageVersion}", "-nodeReuse:false");
        if (pack.ExitCode != 0)
        {
            throw new XunitException("packing PolicyKit.Analyzers failed:\n" + pack);
        }

        if (!File.Exists(Path.Combine(FeedDirectory, $"PolicyKit.Analyzers.{PackageVersion}.nupkg")))
        {
            throw new XunitException("packing PolicyKit.Analyzers left no PolicyKit.Analyzers." + PackageVersion + ".nupkg:\n" + pack);
        }

        return PackageVersion;
    }

    /// <summary>The developer's own package folder: used read-only, as a fallback folder, for the SDK's packages.</summary>
    private static string UserPackagesDirectory =>
        Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A build node may still hold a file for a moment; the temp folder is cleaned by the system later.
        }
    }

    /// <summary>
    /// Consumer projects live under <see cref="Root"/>: empty Directory.Build files stop MSBuild from importing anything
    /// above it, and the nuget.config lists only the local feed and the machine's own sources.
    /// </summary>
    private void WriteConsumerSettings()
    {
        File.WriteAllText(Path.Combine(Root, "Directory.Build.props"), "<Project />\n");
        File.WriteAllText(Path.Combine(Root, "Directory.Build.targets"), "<Project />\n");
        var sources = string.Concat(MachineSources().Select(s => $"    <add key=\"{SecurityElement.Escape(s.Key)}\" value=\"{SecurityElement.Escape(s.Value)}\" />\n"));
        var fallback = Directory.Exists(UserPackagesDirectory)
            ? $"  <fallbackPackageFolders>\n    <clear />\n    <add key=\"user\" value=\"{SecurityElement.Escape(UserPackagesDirectory)}\" />\n  </fallbackPackageFolders>\n"
            : string.Empty;
        File.WriteAllText(Path.Combine(Root, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="policykit-local" value="{SecurityElement.Escape(FeedDirectory)}" />
            {sources}  </packageSources>
            {fallback}</configuration>

            """);
    }

    /// <summary>The package sources of the user's NuGet configuration, or nuget.org when there is none.</summary>
    private static (string Key, string Value)[] MachineSources()
    {
        var userConfig = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "NuGet", "NuGet.Config");
        if (File.Exists(userConfig))
        {
            var sources = XDocument.Load(userConfig).Root?.Element("packageSources")?.Elements("add")
                .Select(e => ((string?)e.Attribute("key"), (string?)e.Attribute("value")))
                .Where(s => s.Item1 is not null && s.Item2 is not null)
                .Select(s => (s.Item1!, s.Item2!))
                .ToArray();
            if (sources is { Length: > 0 })
            {
                return sources;
            }
        }

        return new[] { ("nuget.org", "https://api.nuget.org/v3/index.json") };
    }
}

/// <summary>Every test shares the one packed feed; the collection also keeps the SDK builds from running at once.</summary>
[CollectionDefinition(Name)]
public sealed class LocalPackageFeedCollection : ICollectionFixture<LocalPackageFeed>
{
    public const string Name = "PolicyKit.Build package";
}
