using System;
using System.Collections.Generic;
using PolicyKit.Policies.Model;
using PolicyKit.Policies.Secrets;
using PolicyKit.Policies.Yaml;

namespace PolicyKit.Policies.Checks.Secrets;

/// <summary>
/// A Kubernetes <c>Secret</c> committed with values, judged per <c>data</c> (base64, decoded) or <c>stringData</c> key
/// and reported once per key: recognised tokens and private keys; credential-named keys (<c>POSTGRES_PASSWORD</c>,
/// <c>api-token</c>) with a literal value; credentials inside embedded files (an <c>odoo.conf</c>, an <c>.env</c>); and,
/// under other keys, values shaped like generated tokens or passwords. Not reported: empty values, placeholders and
/// references, SOPS ciphertext (<c>ENC[…]</c>), public material (certificates, CA bundles, SSH public keys), values
/// that describe rather than authenticate (<c>username: odoo</c>, <c>DB_HOST</c>, <c>LOG_LEVEL: info</c>), and Secrets
/// whose type the rule ignores (service-account tokens, filled in by the cluster).
/// </summary>
public sealed class SecretPlaintextCheck : Check
{
    private static readonly HashSet<string> DescriptiveKeys = new(StringComparer.OrdinalIgnoreCase)
    {
        "username", "user", "login", "email", "host", "hostname", "port", "database", "dbname", "db", "db_name",
        "db_user", "db_host", "db_port", "namespace", "region", "bucket", "endpoint", "url", "uri", "server", "sslmode",
        "ca.crt", "tls.crt", "ca-bundle.crt", "ca.pem", "cert.pem", "tls.pem", "fullchain.pem", "chain.pem",
        "postgres_user", "postgres_db", "postgresql_username", "postgresql_database", "mysql_user", "mysql_database",
    };

    /// <summary>
    /// Last words of keys that describe rather than authenticate (<c>spring.data.mongodb.username</c>,
    /// <c>AWS_S3_ENDPOINT_URL</c>, <c>WALLETCONNECT_PROJECT_ID</c>): judged only for token formats.
    /// </summary>
    private static readonly HashSet<string> DescriptiveLastWords = new(StringComparer.Ordinal)
    {
        "user", "username", "usr", "login", "email", "mail", "host", "hostname", "port", "url", "uri", "endpoint",
        "id", "ids", "name", "names", "region", "zone", "bucket", "namespace", "database", "db", "dbname", "path",
        "dir", "directory", "version", "mode", "level", "env", "environment", "timeout", "ttl", "address", "addr",
        "domain", "origin", "origins", "issuer", "audience", "scope", "scopes", "cluster", "project", "org", "owner",
    };

    private readonly HashSet<string> ignoredTypes;

    public SecretPlaintextCheck(CheckParameters parameters)
    {
        ignoredTypes = new HashSet<string>(
            parameters.GetStringList("ignoreTypes", new[] { "kubernetes.io/service-account-token" }),
            StringComparer.Ordinal);
    }

    public override bool AppliesToKind(string kind) => kind == "Secret";

    public override void Evaluate(Resource resource, ViolationSink sink)
    {
        var root = resource.Root;
        if (root.GetString("type") is { } type && ignoredTypes.Contains(type))
        {
            return;
        }

        EvaluateValues(resource, root.GetMapping("data"), "data", isBase64: true, sink);
        EvaluateValues(resource, root.GetMapping("stringData"), "stringData", isBase64: false, sink);
    }

    private static void EvaluateValues(Resource resource, MappingNode? values, string field, bool isBase64, ViolationSink sink)
    {
        if (values is null)
        {
            return;
        }

        foreach (var entry in values.Entries)
        {
            if (entry.Value is not ScalarNode scalar || scalar.IsNull)
            {
                continue;
            }

            var key = entry.Key.Value;
            var text = scalar.Value;
            var located = true;
            if (isBase64 && text.Length > 0)
            {
                if (Base64Text.TryDecodeText(text, out var decoded, out var isBinary))
                {
                    // Findings inside decoded text cannot be located in the file; they point at the encoded value.
                    text = decoded;
                    located = false;
                }
                else if (isBinary)
                {
                    Report(sink, ValueLocation.Of(resource, scalar), field, key, new JudgedSecret("binary-key-material", "binary key material", 0, text.Length), text);
                    continue;
                }
            }

            var judged = Judge(key, text);
            if (!judged.IsFound)
            {
                continue;
            }

            var at = located ? ValueLocation.Of(resource, scalar, judged.Index, judged.Length) : ValueLocation.Of(resource, scalar);
            Report(sink, at, field, key, judged, judged.SecretIn(text));
        }
    }

    /// <summary>What a Secret's value holds, or nothing when it holds no secret.</summary>
    private static JudgedSecret Judge(string key, string value)
    {
        var form = PlaceholderText.Classify(value, out var substitutionDefault);
        if (form == SecretValueForm.Placeholder && substitutionDefault is not null)
        {
            // ${DB_PASSWORD:-odoo}: the default is what is deployed whenever the variable is unset.
            var offset = value.LastIndexOf(substitutionDefault, StringComparison.Ordinal);
            var judgedDefault = JudgeLiteral(key, substitutionDefault);
            return judgedDefault.IsFound ? judgedDefault.Shifted(offset) : default;
        }

        return form == SecretValueForm.Literal ? JudgeLiteral(key, value) : default;
    }

    private static JudgedSecret JudgeLiteral(string key, string text)
    {
        if (PlaceholderText.Classify(text) != SecretValueForm.Literal || IsPublicMaterial(text))
        {
            return default;
        }

        if (TokenScanner.TryFindFirst(text, out var token))
        {
            return JudgedSecret.FromToken(token);
        }

        if (text.Trim().IndexOf('\n') >= 0)
        {
            // An embedded file (odoo.conf, application.properties, fsprod_secret.ini): judged by its lines, pointing at
            // its first credential. The key is the file's name, so what it says does not make the whole file a secret.
            foreach (var embedded in EmbeddedTextScanner.Scan(text))
            {
                return embedded.Secret.Shifted(embedded.Offset - embedded.Secret.Index);
            }

            return default;
        }

        var name = CredentialName.Classify(key);
        if (name.IsCredential)
        {
            return SecretJudge.Judge(name, text);
        }

        if (DescriptiveKeys.Contains(key) || DescriptiveLastWords.Contains(CredentialName.LastWord(key)))
        {
            return default;
        }

        // A key that names nothing in particular (a Secret made from an env file also holds DB_HOST and LOG_LEVEL):
        // its value is reported when it has the shape of a generated token or a password, and is not an address.
        var trimmed = text.Trim();
        if (LiteralValues.IsUrlWithoutPassword(trimmed) || LiteralValues.IsPath(trimmed))
        {
            return default;
        }

        return LiteralValues.LooksLikePassword(trimmed) || ShannonEntropy.LooksRandom(trimmed)
            ? new JudgedSecret("secret", "a secret value", text.IndexOf(trimmed, StringComparison.Ordinal), trimmed.Length)
            : default;
    }

    /// <summary>Certificates, CA bundles and public keys are published on purpose; a private key beside them is not.</summary>
    private static bool IsPublicMaterial(string text)
    {
        var trimmed = text.TrimStart();
        if (trimmed.StartsWith("-----BEGIN ", StringComparison.Ordinal))
        {
            return text.IndexOf("PRIVATE KEY", StringComparison.Ordinal) < 0;
        }

        return trimmed.StartsWith("ssh-rsa AAAA", StringComparison.Ordinal)
            || trimmed.StartsWith("ssh-ed25519 AAAA", StringComparison.Ordinal)
            || trimmed.StartsWith("ecdsa-sha2-", StringComparison.Ordinal);
    }

    private static void Report(ViolationSink sink, YamlNode at, string field, string key, JudgedSecret judged, string secret) =>
        SecretReport.Report(
            sink,
            at,
            FieldPath.Append(field, key),
            judged,
            secret,
            ViolationSink.Argument("key", FieldPath.Append(field, key)));
}
