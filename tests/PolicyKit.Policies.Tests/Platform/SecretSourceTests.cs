using System;
using System.Linq;
using PolicyKit.Policies.Rules;

namespace PolicyKit.Policies.Tests.Platform;

/// <summary>
/// Secret sources the platform recognises must not read as plaintext secrets: a Bitnami SealedSecret's
/// <c>encryptedData</c> is ciphertext only the cluster's controller can open, whatever its keys are called.
/// </summary>
public sealed class SecretSourceTests
{
    /// <summary>Ciphertext shaped like kubeseal's: base64 of bytes that start with the sealing version, 700+ characters.</summary>
    private static string Ciphertext(int seed)
    {
        var random = new Random(seed);
        var bytes = new byte[560];
        random.NextBytes(bytes);
        bytes[0] = 0x02;
        bytes[1] = 0x00;
        return Convert.ToBase64String(bytes);
    }

    [Fact]
    public void Sealed_secret_ciphertext_under_credential_keys_is_not_reported()
    {
        var manifest = $"""
            apiVersion: bitnami.com/v1alpha1
            kind: SealedSecret
            metadata:
              name: odoo-secrets
              namespace: odoo-acme
            spec:
              encryptedData:
                admin_passwd: {Ciphertext(1)}
                PGPASSWORD: {Ciphertext(2)}
                AWS_SECRET_ACCESS_KEY: {Ciphertext(3)}
                odoo.conf: {Ciphertext(4)}
              template:
                metadata:
                  name: odoo-secrets
                  namespace: odoo-acme
                type: Opaque
            """;

        var findings = Evaluate.Text(manifest).Findings;

        Assert.DoesNotContain(findings, f => f.Category == "secrets");
        Assert.DoesNotContain(findings, f => f.RuleId.StartsWith("PK0", StringComparison.Ordinal));
    }

    [Fact]
    public void The_same_values_in_a_plain_secret_are_reported()
    {
        var manifest = """
            apiVersion: v1
            kind: Secret
            metadata:
              name: odoo-secrets
            stringData:
              admin_passwd: Warehouse-2024!
            """;

        Assert.Contains(Evaluate.Text(manifest).Findings, f => f.Category == "secrets");
    }
}
