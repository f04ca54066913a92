using PolicyKit.Policies.CrossResource;
using PolicyKit.Policies.Loading;

namespace PolicyKit.Policies.Tests.CrossResource;

/// <summary>
/// PK8017 (a superuser by another name) and PK8124 (the Redis that holds sessions) follow host names to Services and
/// variables through envFrom ConfigMaps; these tests pin how names are read and where findings land across files.
/// </summary>
public sealed class DatabaseAndSessionRuleTests
{
    private const string OdooWithEnvFrom = """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: odoo, namespace: shop}
        spec:
          selector: {matchLabels: {app: odoo}}
          template:
            metadata: {labels: {app: odoo}}
            spec:
              containers:
                - name: odoo
                  image: "odoo:17.0"
                  envFrom: [{configMapRef: {name: odoo-env}}]
        """;

    private const string Postgres = """
        apiVersion: apps/v1
        kind: StatefulSet
        metadata: {name: db, namespace: shop}
        spec:
          selector: {matchLabels: {app: db}}
          template:
            metadata: {labels: {app: db}}
            spec:
              containers:
                - name: postgres
                  image: "postgres:16"
                  env: [{name: POSTGRES_USER, value: odoo}]
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: db, namespace: shop}
        spec:
          selector: {app: db}
          ports: [{port: 5432}]
        """;

    [Theory]
    [InlineData("db", "db", "shop")]
    [InlineData("db.other", "db", "other")]
    [InlineData("db.other.svc", "db", "other")]
    [InlineData("db.other.svc.cluster.local", "db", "other")]
    [InlineData("redis://:secret@sessions:6379/1", "sessions", "shop")]
    [InlineData("rediss://sessions.cache.svc.cluster.local:6380", "sessions", "cache")]
    public void A_host_names_a_service_by_its_cluster_dns_name(string host, string name, string space)
    {
        var address = ServiceAddress.Parse(host, "shop");

        Assert.Equal(new ServiceAddress(name, space), address);
    }

    [Theory]
    [InlineData("localhost")]
    [InlineData("10.0.0.12")]
    [InlineData("shop.abc123.eu-west-1.rds.amazonaws.com")]
    [InlineData("$(DB_HOST)")]
    public void A_host_outside_the_cluster_or_in_the_pod_names_no_service(string host) =>
        Assert.Null(ServiceAddress.Parse(host, "shop"));

    [Fact]
    public void A_superuser_read_through_env_from_is_reported_in_the_config_map_file_that_sets_it()
    {
        const string odooEnv = """
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: odoo-env, namespace: shop}
            data:
              HOST: db
              USER: odoo
            """;

        var result = Evaluate.Sources(
            ManifestSource.FromText("odoo.yaml", OdooWithEnvFrom),
            ManifestSource.FromText("odoo-env.yaml", odooEnv),
            ManifestSource.FromText("postgres.yaml", Postgres));

        var finding = Assert.Single(result.Findings, f => f.RuleId == "PK8017");
        Assert.Equal("odoo-env.yaml", finding.File);
        Assert.Equal(6, finding.Line);
        Assert.Equal("data.USER", finding.FieldPath);
    }

    [Fact]
    public void An_env_from_config_map_outside_the_input_leaves_the_image_defaults_unjudged()
    {
        // Without envFrom the official image connects to "db" as "odoo", the postgres image's superuser here.
        var withoutEnvFrom = OdooWithEnvFrom.Replace("\n          envFrom: [{configMapRef: {name: odoo-env}}]", string.Empty, System.StringComparison.Ordinal);
        var defaults = Evaluate.Sources(ManifestSource.FromText("odoo.yaml", withoutEnvFrom), ManifestSource.FromText("postgres.yaml", Postgres));
        Assert.Contains(defaults.Findings, f => f.RuleId == "PK8017");

        var hidden = Evaluate.Sources(ManifestSource.FromText("odoo.yaml", OdooWithEnvFrom), ManifestSource.FromText("postgres.yaml", Postgres));
        Assert.DoesNotContain(hidden.Findings, f => f.RuleId == "PK8017");
    }

    [Fact]
    public void A_session_redis_configured_by_its_own_file_is_not_judged()
    {
        const string manifests = """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: odoo, namespace: shop}
            spec:
              selector: {matchLabels: {app: odoo}}
              template:
                metadata: {labels: {app: odoo}}
                spec:
                  containers:
                    - name: odoo
                      image: "odoo:17.0"
                      env:
                        - {name: ODOO_SESSION_REDIS, value: "1"}
                        - {name: ODOO_SESSION_REDIS_HOST, value: redis}
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: redis, namespace: shop}
            spec:
              selector: {matchLabels: {app: redis}}
              template:
                metadata: {labels: {app: redis}}
                spec:
                  containers:
                    - name: redis
                      image: "redis:7.2"
                      args: ["redis-server", "/etc/redis/redis.conf"]
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: redis, namespace: shop}
            spec:
              selector: {app: redis}
              ports: [{port: 6379}]
            """;

        Assert.Empty(Evaluate.Findings(manifests, "PK8124"));
        Assert.Single(Evaluate.Findings(manifests.Replace("\"/etc/redis/redis.conf\"", "\"--dir\", \"/tmp\"", System.StringComparison.Ordinal), "PK8124"));
    }
}
