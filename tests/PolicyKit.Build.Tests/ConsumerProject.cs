using System;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace PolicyKit.Build.Tests;

/// <summary>A real SDK project that references PolicyKit.Build from the local feed, in its own temporary folder.</summary>
internal sealed class ConsumerProject
{
    public const string Policy = "# The consumer's own policy, so that no policy file above the temp folder applies.\nfailOn: high\n";

    /// <param name="referenceAnalyzers">Also reference PolicyKit.Analyzers, of the same version and from the same feed.</param>
    public ConsumerProject(LocalPackageFeed feed, string targetFrameworks = "net10.0", string properties = "", bool referencePackage = true, bool referenceAnalyzers = false)
    {
        Feed = feed;
        Name = "Consumer" + Guid.NewGuid().ToString("N").Substring(0, 8);
        Directory = Path.Combine(feed.Root, Name);
        ProjectFile = Path.Combine(Directory, Name + ".csproj");
        var frameworks = targetFrameworks.Contains(';')
            ? $"<TargetFrameworks>{targetFrameworks}</TargetFrameworks>"
            : $"<TargetFramework>{targetFrameworks}</TargetFramework>";
        var reference = referencePackage
            ? $"""
                <ItemGroup>
                  <PackageReference Include="PolicyKit.Build" Version="{feed.PackageVersion}" PrivateAssets="all" />
                </ItemGroup>
              """
            : string.Empty;
        if (referenceAnalyzers)
        {
            reference += $"""

                <ItemGroup>
                  <PackageReference Include="PolicyKit.Analyzers" Version="{feed.AnalyzersPackageVersion}" PrivateAssets="all" />
                </ItemGroup>
              """;
        }

        Write(Name + ".csproj", $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                {frameworks}
                <Nullable>enable</Nullable>
                {properties}
              </PropertyGroup>
            {reference}
            </Project>

            """);
        Write("Greeting.cs", "namespace Shop;\n\npublic static class Greeting\n{\n    public static string Text => \"hello\";\n}\n");
        Write("policykit.yaml", Policy);
    }

    public LocalPackageFeed Feed { get; }

    public string Name { get; }

    public string Directory { get; }

    public string ProjectFile { get; }

    public string Write(string relativePath, string text)
    {
        var full = Path.Combine(Directory, relativePath);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text.Replace("\r\n", "\n"), new UTF8Encoding(false));
        return full;
    }

    /// <summary><c>dotnet build</c> at normal verbosity (the check's summary line shows), plus <paramref name="arguments"/>.</summary>
    public DotnetResult Build(params string[] arguments) => Dotnet(["build", ProjectFile, "-v:n", .. arguments]);

    public DotnetResult Dotnet(IEnumerable<string> arguments) =>
        DotnetProcess.Run(Directory, Feed.PackagesDirectory, [.. arguments]);
}
