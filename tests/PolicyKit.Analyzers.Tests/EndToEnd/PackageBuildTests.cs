using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;

namespace PolicyKit.Analyzers.Tests.EndToEnd;

/// <summary>
/// Packs PolicyKit.Analyzers as `dotnet pack` does, references it from a fresh project through a local feed with its own
/// package cache, and builds that project: the three rule families report at the right file(line,col) and no secret value
/// reaches the build output.
/// </summary>
public sealed class PackageBuildTests : IDisposable
{
    private const string Password = "Zx9!mQ2#vL7pR4";
    private const string AdminPassword = "Kq7!vXz29pLm";
    private const string GitHubToken = "ghp_aB3dE5gH7jK9mN1pQ3sT5vW7yZ9bC1dF3gH5";

    private readonly string root = Path.Combine(Path.GetTempPath(), "policykit-analyzers-e2e", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void A_consumer_build_reports_all_three_families_located_and_masked()
    {
        var feed = Path.Combine(root, "feed");
        var consumer = Path.Combine(root, "consumer");
        var environment = new Dictionary<string, string> { ["NUGET_PACKAGES"] = Path.Combine(root, "packages") };
        Directory.CreateDirectory(root);
        var pack = DotnetProcess.Run(root, environment, TimeSpan.FromMinutes(5), "pack", Metadata("PolicyKitAnalyzersPackageProject"), "-c", Metadata("Configuration"), "--no-build", "-o", feed);
        Assert.True(pack.ExitCode == 0, pack.Output);
        Assert.Single(Directory.GetFiles(feed, "PolicyKit.Analyzers.*.nupkg"));

        WriteConsumer(consumer, feed);
        var build = DotnetProcess.Run(consumer, environment, TimeSpan.FromMinutes(8), "build", "-nologo", "-v:minimal");
        Assert.True(build.ExitCode == 0, build.Output);

        var warnings = Regex.Matches(build.Output, @"(?<file>[^\s\\/]+)\((?<line>\d+),(?<column>\d+)\): warning (?<id>PK\d{4})")
            .Select(m => $"{m.Groups["file"].Value}({m.Groups["line"].Value},{m.Groups["column"].Value}) {m.Groups["id"].Value}")
            .ToHashSet();
        Assert.Contains("Settings.cs(5,38) PK7001", warnings);
        Assert.Contains("Settings.cs(6,48) PK7002", warnings);
        Assert.Contains("Connector.cs(7,71) PK7004", warnings);
        Assert.Contains("appsettings.json(3,23) PK7003", warnings);
        Assert.Contains("Workloads.cs(13,13) PK1007", warnings);
        Assert.Contains("pod.yaml(10,21) PK1007", warnings);

        foreach (var secret in new[] { Password, AdminPassword, GitHubToken })
        {
            Assert.DoesNotContain(secret, build.Output, StringComparison.Ordinal);
        }
    }

    private static void WriteConsumer(string consumer, string feed)
    {
        var kubernetesClient = Metadata("KubernetesClientVersion");
        var packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } set
            ? set
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        Write(consumer, "Consumer.csproj", $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>disable</ImplicitUsings>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="PolicyKit.Analyzers" Version="*-*" PrivateAssets="all" />
                <PackageReference Include="KubernetesClient" Version="{kubernetesClient}" />
              </ItemGroup>
            </Project>
            """);

        // The package under test comes from the local feed; KubernetesClient and its dependencies from the packages this
        // machine already restored (a folder laid out as id/version is a NuGet feed too), so the build needs no network.
        Write(consumer, "nuget.config", $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="policykit" value="{feed}" />
                <add key="restored" value="{packages}" />
              </packageSources>
            </configuration>
            """);
        Write(consumer, "Settings.cs", $$"""
            namespace Consumer;

            public static class Settings
            {
                public const string DbPassword = "{{Password}}";
                public const string PublishHeader = "token {{GitHubToken}}";
            }
            """);
        Write(consumer, "Connector.cs", """
            namespace Consumer;

            public static class Connector
            {
                public static void Connect(string user, string dbPassword)
                {
                    System.Console.WriteLine("connecting as " + user + " with " + dbPassword);
                }
            }
            """);
        Write(consumer, "Workloads.cs", """
            using k8s.Models;

            namespace Consumer;

            public static class Workloads
            {
                public static V1Container Debugger() => new V1Container
                {
                    Name = "debug",
                    Image = "busybox:1.36",
                    SecurityContext = new V1SecurityContext
                    {
                        Privileged = true,
                    },
                };
            }
            """);
        Write(consumer, "appsettings.json", $$"""
            {
              "Odoo": {
                "AdminPassword": "{{AdminPassword}}"
              }
            }
            """);
        Write(consumer, "deploy/pod.yaml", """
            apiVersion: v1
            kind: Pod
            metadata:
              name: odoo
            spec:
              containers:
                - name: odoo
                  image: odoo:17.0
                  securityContext:
                    privileged: true
            """);
    }

    private static void Write(string directory, string relativePath, string text)
    {
        var path = Path.Combine(directory, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text.Replace("\r\n", "\n"));
    }

    private static string Metadata(string key) =>
        typeof(PackageBuildTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value
        ?? throw new InvalidOperationException(key + " not recorded");
}
