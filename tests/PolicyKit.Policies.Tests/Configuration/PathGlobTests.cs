using PolicyKit.Policies.Configuration;

namespace PolicyKit.Policies.Tests.Configuration;

public sealed class PathGlobTests
{
    [Theory]
    [InlineData("overlays/prod/**", "overlays/prod/odoo/web.yaml", true)]
    [InlineData("overlays/prod/**", "overlays/production/web.yaml", false)]
    [InlineData("overlays/prod", "overlays/prod/web.yaml", true)]
    [InlineData("**/prod/**", "tenants/acme/prod/web.yaml", true)]
    [InlineData("*.json", "deep/down/values.json", true)]
    [InlineData("charts/*.yaml", "charts/sub/x.yaml", false)]
    [InlineData("env-{prod,staging}/**", "env-staging/a.yaml", true)]
    [InlineData("env-{prod,staging}/**", "env-dev/a.yaml", false)]
    [InlineData("web?.yaml", "web1.yaml", true)]
    [InlineData("**", "anything/at/all.yaml", true)]
    public void Globs_match_like_gitignore_patterns(string pattern, string path, bool expected)
    {
        Assert.Equal(expected, new PathGlob(pattern).IsMatch(path));
    }
}
