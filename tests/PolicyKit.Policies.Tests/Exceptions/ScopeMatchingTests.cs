using PolicyKit.Policies.Exceptions;

namespace PolicyKit.Policies.Tests.Exceptions;

/// <summary>The building blocks of a scope: globs, rule references and the secret key a finding's field names.</summary>
public sealed class ScopeMatchingTests
{
    [Theory]
    [InlineData("redis", "redis", true)]
    [InlineData("redis", "redis-0", false)]
    [InlineData("redis*", "redis-sessions", true)]
    [InlineData("docker.io/library/postgres:15*", "docker.io/library/postgres:15.4", true)]
    [InlineData("docker.io/library/postgres:15*", "docker.io/library/postgres:16.1", false)]
    [InlineData("odoo-?", "odoo-a", true)]
    [InlineData("odoo-?", "odoo-ab", false)]
    [InlineData("Redis", "redis", false)]
    [InlineData("a.b", "axb", false)]
    public void Scope_glob_matches_whole_values_case_sensitively(string pattern, string value, bool matches)
    {
        Assert.Equal(matches, new ScopePattern(pattern).IsMatch(value));
    }

    [Theory]
    [InlineData("*", true)]
    [InlineData("**", true)]
    [InlineData("odoo-*", false)]
    public void Only_a_bare_star_matches_everything(string pattern, bool everything)
    {
        Assert.Equal(everything, new ScopePattern(pattern).MatchesEverything);
    }

    [Theory]
    [InlineData("PK1009", "PK1009", true)]
    [InlineData("PK1009", "PK1008", false)]
    [InlineData("PK12*", "PK1234", true)]
    [InlineData("PK12*", "PK1301", false)]
    [InlineData("PK*", "PK0001", true)]
    public void Rule_reference_matches_its_id_or_prefix(string reference, string ruleId, bool matches)
    {
        Assert.True(RuleReference.TryParse(reference, out var parsed));
        Assert.Equal(matches, parsed.Matches(ruleId));
    }

    [Theory]
    [InlineData("pk1009")]
    [InlineData("PK109")]
    [InlineData("PK1*09")]
    [InlineData("*")]
    [InlineData("PK10009")]
    public void Rule_reference_must_be_an_id_or_a_prefix_with_a_trailing_star(string reference)
    {
        Assert.False(RuleReference.TryParse(reference, out _));
    }

    [Theory]
    [InlineData("spec.template.spec.containers[name=odoo].env[name=PGPASSWORD].value", "PGPASSWORD")]
    [InlineData("data.DB_PASSWORD", "DB_PASSWORD")]
    [InlineData("stringData.odoo.conf", "odoo.conf")]
    [InlineData("spec.template.spec.containers[name=odoo].image", null)]
    public void Secret_key_is_read_from_the_findings_field(string fieldPath, string? key)
    {
        Assert.Equal(key, ExceptionSubject.SecretKeyInField(fieldPath));
    }
}
