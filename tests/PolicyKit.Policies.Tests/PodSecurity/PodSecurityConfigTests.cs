using System.IO;
using PolicyKit.Policies.Checks.PodSecurity;
using PolicyKit.Policies.Configuration;
using PolicyKit.Policies.Rules;

namespace PolicyKit.Policies.Tests.PodSecurity;

public sealed class PodSecurityConfigTests
{
    private static PolicyConfig Load(string yaml)
    {
        var directory = Directory.CreateTempSubdirectory("policykit-pss-");
        try
        {
            var path = Path.Combine(directory.FullName, "policykit.yaml");
            File.WriteAllText(path, yaml);
            return PolicyConfigLoader.Load(path, "policykit.yaml");
        }
        finally
        {
            directory.Delete(true);
        }
    }

    [Fact]
    public void PodSecurity_is_read_at_the_top_and_per_environment()
    {
        var config = Load("""
            podSecurity: { level: baseline, version: v1.29 }
            environments:
              - name: production
                paths: ["prod/**"]
                podSecurity:
                  level: restricted
            """);

        Assert.Equal(new PodSecuritySettings(PodSecurityLevel.Baseline, PodSecurityVersion.Of(29)), config.PodSecurity);
        Assert.Equal(new PodSecuritySettings(PodSecurityLevel.Restricted, null), config.Environments[0].PodSecurity);
    }

    [Fact]
    public void Without_podSecurity_nothing_is_set()
    {
        Assert.Null(Load("failOn: high\n").PodSecurity);
    }

    [Theory]
    [InlineData("podSecurity: { level: strict }\n", 1, "podSecurity.level must be privileged, baseline or restricted; 'strict' is not")]
    [InlineData("podSecurity:\n  version: \"1.30\"\n", 2, "podSecurity.version must be latest or v1.N")]
    [InlineData("podSecurity:\n  mode: warn\n", 2, "unknown podSecurity field 'mode'")]
    [InlineData("podSecurity: {}\n", 1, "podSecurity needs 'level', 'version' or both")]
    [InlineData("podSecurity: restricted\n", 1, "podSecurity must be a mapping")]
    [InlineData("environments:\n  - name: prod\n    paths: [\"**\"]\n    podSecurity:\n      level: Baseline\n", 5, "'Baseline' is not")]
    public void Mistakes_are_located_configuration_errors(string yaml, int line, string problem)
    {
        var error = Assert.Throws<PolicyDefinitionException>(() => Load(yaml));

        Assert.Equal(line, error.Line);
        Assert.Contains(problem, error.Message);
    }
}
