using System.IO;
using System.Linq;

namespace PolicyKit.Build.Tests;

/// <summary>Another task in the same build that uses another YamlDotNet must not break the check, nor be broken by it.</summary>
[Collection(LocalPackageFeedCollection.Name)]
public sealed class TaskIsolationTests
{
    private readonly LocalPackageFeed feed;

    public TaskIsolationTests(LocalPackageFeed feed) => this.feed = feed;

    [Fact]
    public void A_task_using_another_YamlDotNet_version_runs_first_and_the_check_still_works()
    {
        // A third-party task built against YamlDotNet 18.0.0 (PolicyKit ships 18.1.0: another assembly version).
        var otherTask = new ConsumerProject(feed, targetFrameworks: "net10.0", referencePackage: false);
        otherTask.Write(otherTask.Name + ".csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <CopyLocalLockFileAssemblies>true</CopyLocalLockFileAssemblies>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Microsoft.Build.Utilities.Core" Version="17.11.48" ExcludeAssets="runtime" />
                <PackageReference Include="YamlDotNet" Version="18.0.0" />
              </ItemGroup>
            </Project>

            """);
        otherTask.Write("ReadYaml.cs", """
            namespace Other;

            public sealed class ReadYaml : Microsoft.Build.Utilities.Task
            {
                public override bool Execute()
                {
                    var stream = new YamlDotNet.RepresentationModel.YamlStream();
                    stream.Load(new System.IO.StringReader("a: 1"));
                    Log.LogMessage(Microsoft.Build.Framework.MessageImportance.High,
                        $"other task read {stream.Documents.Count} document with YamlDotNet {typeof(YamlDotNet.RepresentationModel.YamlStream).Assembly.GetName().Version}");
                    return true;
                }
            }

            """);
        var built = otherTask.Dotnet(["build", otherTask.ProjectFile, "-o", Path.Combine(otherTask.Directory, "out")]);
        Assert.True(built.ExitCode == 0, built.ToString());

        var project = new ConsumerProject(feed);
        project.Write("deploy/web.yaml", Manifests.Deployment(privileged: true));
        project.Write("Directory.Build.targets", $"""
            <Project>
              <UsingTask TaskName="Other.ReadYaml" AssemblyFile="{Path.Combine(otherTask.Directory, "out", otherTask.Name + ".dll")}" />
              <PropertyGroup>
                <PolicyKitCheckDependsOn>ReadYamlFirst;$(PolicyKitCheckDependsOn)</PolicyKitCheckDependsOn>
              </PropertyGroup>
              <Target Name="ReadYamlFirst">
                <ReadYaml />
              </Target>
            </Project>

            """);

        var build = project.Build();

        Assert.True(build.Lines.Any(l => l.Contains("other task read 1 document with YamlDotNet 18.0.0.0")), build.ToString());
        Assert.Single(build.Diagnostics("error", "PK1007"));
        Assert.True(build.Lines.Any(l => l.Contains("PolicyKit: FAIL")), build.ToString());
    }
}
