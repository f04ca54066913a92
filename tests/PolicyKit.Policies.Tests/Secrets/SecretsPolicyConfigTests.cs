using System;
using System.IO;
using PolicyKit.Policies.Configuration;
using PolicyKit.Policies.Rules;
using PolicyKit.Policies.Secrets;

namespace PolicyKit.Policies.Tests.Secrets;

public sealed class SecretsPolicyConfigTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "policykit-secrets-config", Guid.NewGuid().ToString("N"));

    public SecretsPolicyConfigTests() => Directory.CreateDirectory(folder);

    private PolicyConfig Load(string yaml)
    {
        var path = Path.Combine(folder, PolicyConfig.FileName);
        File.WriteAllText(path, yaml);
        return PolicyConfigLoader.Load(path, "policykit.yaml");
    }

    [Fact]
    public void Without_a_secrets_section_rotation_is_held_to_ninety_days_and_refresh_to_a_day()
    {
        Assert.Equal(SecretsPolicy.Default, Load("failOn: high\n").Secrets);
        Assert.Equal((TimeSpan.FromDays(90), TimeSpan.FromHours(24)), (SecretsPolicy.Default.MaxRotationAge, SecretsPolicy.Default.MaxRefreshInterval));
    }

    [Fact]
    public void Top_level_limits_are_read_as_durations()
    {
        var config = Load("secrets:\n  maxRotationAge: 60d\n  maxRefreshInterval: 1h30m\n");

        Assert.Equal(new SecretsPolicy(TimeSpan.FromDays(60), TimeSpan.FromMinutes(90)) { RotationRequired = true }, config.Secrets);
    }

    [Fact]
    public void An_environment_overrides_only_the_limits_it_sets()
    {
        var config = Load("secrets:\n  maxRotationAge: 60d\n  maxRefreshInterval: 12h\nenvironments:\n  - name: production\n    paths: [\"prod/**\"]\n    secrets:\n      maxRotationAge: 30d\n");

        Assert.Equal(new SecretsPolicy(TimeSpan.FromDays(30), TimeSpan.FromHours(12)) { RotationRequired = true }, config.Environments[0].Secrets);
    }

    [Fact]
    public void Rotation_is_required_only_where_a_secrets_section_says_so()
    {
        var config = Load("environments:\n  - name: production\n    paths: [\"prod/**\"]\n    secrets:\n      maxRefreshInterval: 1h\n  - name: staging\n    paths: [\"staging/**\"]\n");

        Assert.False(config.Secrets.RotationRequired);
        Assert.True(config.Environments[0].Secrets!.RotationRequired);
        Assert.False(config.Environments[1].Secrets!.RotationRequired);
    }

    [Fact]
    public void A_malformed_duration_is_a_located_error()
    {
        var error = Assert.Throws<PolicyDefinitionException>(() => Load("failOn: high\nsecrets:\n  maxRotationAge: three months\n"));

        Assert.Equal(3, error.Line);
        Assert.Contains("secrets.maxRotationAge must be a positive duration such as 90d, 24h or 1h30m", error.Problem);
    }

    [Fact]
    public void An_unknown_secrets_setting_is_a_located_error()
    {
        var error = Assert.Throws<PolicyDefinitionException>(() => Load("secrets:\n  maxAge: 90d\n"));

        Assert.Equal(2, error.Line);
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
