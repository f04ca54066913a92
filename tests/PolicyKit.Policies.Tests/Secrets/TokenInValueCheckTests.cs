using System.Linq;

namespace PolicyKit.Policies.Tests.Secrets;

public sealed class TokenInValueCheckTests
{
    private const string Pod = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: odoo\n";

    [Fact]
    public void A_password_in_a_url_argument_is_reported_at_the_password()
    {
        var finding = Scan.Single(Pod + "spec:\n  containers:\n    - name: odoo\n      image: odoo:17.0\n      args: [\"--db-uri\", \"postgresql://odoo:Kx8-tr1p-w4ve@db/odoo\"]\n", "PK3006");

        Assert.Equal((9, 45), (finding.Line, finding.Column));
        Assert.Equal("spec.containers[name=odoo].args[1]", finding.FieldPath);
    }

    [Fact]
    public void A_credential_flag_with_an_equals_sign_is_reported()
    {
        Assert.Single(Scan.Findings(Pod + "spec:\n  containers:\n    - name: odoo\n      image: odoo:17.0\n      args: [\"--db_password=Mig-Pw-4410-x\"]\n", "PK3006"));
    }

    [Fact]
    public void A_credential_flag_followed_by_its_value_is_reported_at_the_value()
    {
        var finding = Scan.Single(Pod + "spec:\n  containers:\n    - name: redis\n      image: redis:7.2.5\n      args:\n        - --requirepass\n        - Rq-Redis-6612\n", "PK3006");

        Assert.Equal(11, finding.Line);
    }

    [Fact]
    public void A_credential_named_field_of_a_custom_resource_is_reported()
    {
        var finding = Scan.Single("apiVersion: redis.example.com/v1\nkind: RedisCluster\nmetadata:\n  name: cache\nspec:\n  auth:\n    password: Rc-Pw-8812-qq\n", "PK3006");

        Assert.Equal("spec.auth.password", finding.FieldPath);
        Assert.Contains("RedisCluster \"cache\" holds a password at spec.auth.password", finding.Message);
    }

    [Fact]
    public void A_token_in_an_annotation_is_reported_with_the_annotation_in_brackets()
    {
        var finding = Scan.Single(Pod + "  annotations:\n    ci.example/token: " + FakeSecrets.For("gitlab-token") + "\nspec:\n  containers: []\n", "PK3006");

        Assert.Equal("metadata.annotations[ci.example/token]", finding.FieldPath);
    }

    [Fact]
    public void Secrets_in_an_inline_helm_values_string_are_reported_on_their_lines()
    {
        var text = "apiVersion: argoproj.io/v1alpha1\nkind: Application\nmetadata:\n  name: odoo\nspec:\n  source:\n    helm:\n      values: |\n        odooPassword: Odoo-Admin-Helm-77\n        postgresql:\n          auth:\n            existingSecret: odoo-db\n";

        var finding = Scan.Single(text, "PK3006");

        Assert.Equal((9, 23), (finding.Line, finding.Column));
    }

    [Fact]
    public void Container_environments_secret_and_config_map_data_are_left_to_their_own_rules()
    {
        var text = "apiVersion: v1\nkind: Secret\nmetadata:\n  name: a\nstringData:\n  password: Kx8-tr1p-w4ve\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: b\ndata:\n  PASSWORD: Kx8-tr1p-w4ve\n---\n"
            + Pod + "spec:\n  containers:\n    - name: odoo\n      image: odoo:17.0\n      env:\n        - name: PASSWORD\n          value: Kx8-tr1p-w4ve\n";

        var result = Scan.Text(text);

        Assert.DoesNotContain(result.Findings, f => f.RuleId == "PK3006");
        Assert.Equal(new[] { "PK3001", "PK3002", "PK3003" }, result.Findings.Where(f => f.Category == "secrets" && f.RuleId != "PK3007").Select(f => f.RuleId).OrderBy(r => r));
    }

    [Fact]
    public void Sealed_secret_ciphertext_and_sops_metadata_are_not_reported()
    {
        var text = "apiVersion: bitnami.com/v1alpha1\nkind: SealedSecret\nmetadata:\n  name: s\nspec:\n  encryptedData:\n    password: AgBy3i4OJSWK+PiTySYZZA9rO43cGDEq7W1rGe5FZKLm0aJi3sw5ZLX7hL3qN1J2cYqv1VzN\nsops:\n  mac: ENC[AES256_GCM,data:bWFj,iv:aXY=,tag:dGFn,type:str]\n  age:\n    - recipient: age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p\n";

        Assert.Empty(Scan.Findings(text, "PK3006"));
    }

    [Fact]
    public void Reference_only_objects_do_not_have_their_field_names_read_as_credentials()
    {
        var text = "apiVersion: external-secrets.io/v1beta1\nkind: ExternalSecret\nmetadata:\n  name: db\nspec:\n  data:\n    - secretKey: password\n      remoteRef:\n        key: tenants/acme/odoo\n        property: password\n";

        Assert.Empty(Scan.Findings(text, "PK3006"));
    }

    [Fact]
    public void Digests_checksums_and_uuids_are_not_reported()
    {
        var text = Pod + "  uid: 8f14e45f-ceea-467f-a4b3-5e5b8d1c2a90\n  annotations:\n    checksum/secret: e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855\nspec:\n  containers:\n    - name: odoo\n      image: odoo@sha256:1c4a3d9e2b7f60a18c5d3e9f20b7a6c4d1e8f3a2b9c0d7e6f5a4b3c2d1e0f9a8\n";

        Assert.Empty(Scan.Findings(text, "PK3006"));
    }

    [Fact]
    public void A_setting_inside_a_text_value_is_named_in_brackets_after_the_field_that_holds_the_text()
    {
        var text = "apiVersion: argoproj.io/v1alpha1\nkind: Application\nmetadata:\n  name: odoo\nspec:\n  source:\n    helm:\n      values: |\n        odooPassword: Odoo-Admin-Helm-77\n";

        var finding = Scan.Single(text, "PK3006");

        Assert.Equal("spec.source.helm.values[odooPassword]", finding.FieldPath);
    }

    [Fact]
    public void Assignment_shaped_words_in_a_crd_schema_description_are_prose()
    {
        var text = "apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata:\n  name: x.example.com\nspec:\n  versions:\n    - name: v1\n      schema:\n        openAPIV3Schema:\n          properties:\n            automountServiceAccountToken:\n              type: boolean\n              description: |\n                Mount the token.\n                automountServiceAccountToken=false keeps it out.\n";

        Assert.Empty(Scan.Findings(text, "PK3006"));
    }

    [Fact]
    public void Assignment_shaped_words_in_a_description_field_or_a_sentence_annotation_are_prose()
    {
        var text = Pod + "  annotations:\n    example.com/help: \"set password=Kx8-tr1p-w4ve in the vault, not here\"\nspec:\n  description: \"api_key=Kx8-tr1p-w4ve is rotated monthly\"\n  containers: []\n";

        Assert.Empty(Scan.Findings(text, "PK3006"));
    }

    [Fact]
    public void A_credential_named_annotation_without_spaces_is_still_judged_by_its_name()
    {
        var text = Pod + "  annotations:\n    example.com/password: Kx8-tr1p-w4ve\nspec:\n  containers: []\n";

        Assert.Single(Scan.Findings(text, "PK3006"));
    }

    [Fact]
    public void A_token_format_inside_prose_is_still_a_secret()
    {
        var text = Pod + "spec:\n  description: \"deploy with " + FakeSecrets.For("gitlab-token") + " until the vault is ready\"\n  containers: []\n";

        var finding = Scan.Single(text, "PK3006");

        Assert.Equal("spec.description", finding.FieldPath);
    }
}
