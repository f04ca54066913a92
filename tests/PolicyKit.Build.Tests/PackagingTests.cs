using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Xml.Linq;

namespace PolicyKit.Build.Tests;

/// <summary>The package itself, and how it travels (or does not) with a consumer's own package.</summary>
[Collection(LocalPackageFeedCollection.Name)]
public sealed class PackagingTests
{
    private readonly LocalPackageFeed feed;

    public PackagingTests(LocalPackageFeed feed) => this.feed = feed;

    [Fact]
    public void The_package_is_a_development_dependency_with_its_task_for_both_msbuilds_and_no_dependencies()
    {
        using var package = ZipFile.OpenRead(feed.PackagePath);
        var entries = package.Entries.Select(e => e.FullName).ToList();
        foreach (var expected in new[]
        {
            "build/PolicyKit.Build.props", "build/PolicyKit.Build.targets",
            "buildMultiTargeting/PolicyKit.Build.props", "buildMultiTargeting/PolicyKit.Build.targets",
            "buildTransitive/PolicyKit.Build.props", "buildTransitive/PolicyKit.Build.targets",
            "tools/net10.0/PolicyKit.Build.dll", "tools/net10.0/PolicyKit.Policies.dll", "tools/net10.0/YamlDotNet.dll",
            "tools/netstandard2.0/PolicyKit.Build.dll", "tools/netstandard2.0/PolicyKit.Policies.dll", "tools/netstandard2.0/System.Text.Json.dll",
            "README.md",
        })
        {
            Assert.Contains(expected, entries);
        }

        Assert.DoesNotContain(entries, e => e.StartsWith("lib/", System.StringComparison.Ordinal) || e.Contains("Microsoft.Build"));
        var nuspec = Nuspec(package);
        var metadata = nuspec.Root!.Elements().Single(e => e.Name.LocalName == "metadata");
        Assert.Equal("true", Value(metadata, "developmentDependency"));
        Assert.Equal("MIT", Value(metadata, "license"));
        Assert.NotNull(metadata.Elements().SingleOrDefault(e => e.Name.LocalName == "repository")?.Attribute("url"));
        Assert.Empty(metadata.Elements().Where(e => e.Name.LocalName == "dependencies").SelectMany(d => d.Descendants()));
        using var symbols = ZipFile.OpenRead(Path.ChangeExtension(feed.PackagePath, ".snupkg"));
        var symbolFiles = symbols.Entries.Select(e => e.FullName).ToList();
        foreach (var framework in new[] { "net10.0", "netstandard2.0" })
        {
            Assert.Contains($"tools/{framework}/PolicyKit.Build.pdb", symbolFiles);
            Assert.Contains($"tools/{framework}/PolicyKit.Policies.pdb", symbolFiles);
        }
    }

    [Fact]
    public void Dotnet_add_package_makes_it_private_and_the_consumers_own_package_does_not_depend_on_it()
    {
        var project = new ConsumerProject(feed, properties: "<PackageId>Shop.Web</PackageId><Version>1.0.0</Version>", referencePackage: false);

        var add = project.Dotnet(["add", project.ProjectFile, "package", "PolicyKit.Build", "--version", feed.PackageVersion]);
        Assert.True(add.ExitCode == 0, add.ToString());
        var reference = XDocument.Load(project.ProjectFile).Descendants("PackageReference").Single();
        Assert.Equal("all", (string?)reference.Element("PrivateAssets") ?? (string?)reference.Attribute("PrivateAssets"));

        var pack = project.Dotnet(["pack", project.ProjectFile, "-o", Path.Combine(project.Directory, "out")]);

        Assert.True(pack.ExitCode == 0, pack.ToString());
        using var consumerPackage = ZipFile.OpenRead(Path.Combine(project.Directory, "out", "Shop.Web.1.0.0.nupkg"));
        Assert.DoesNotContain("PolicyKit.Build", Nuspec(consumerPackage).ToString());
    }

    private static XDocument Nuspec(ZipArchive package)
    {
        using var stream = package.Entries.Single(e => e.FullName.EndsWith(".nuspec", System.StringComparison.Ordinal)).Open();
        return XDocument.Load(stream);
    }

    private static string? Value(XElement metadata, string name) =>
        metadata.Elements().SingleOrDefault(e => e.Name.LocalName == name)?.Value;
}
