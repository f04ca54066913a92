using System;
using System.Collections.Concurrent;
using System.Collections.Generic;

namespace PolicyKit.Policies.Secrets;

/// <summary>
/// Judges a setting's name — an environment variable (<c>DB_PASSWORD</c>), a YAML or JSON key (<c>clientSecret</c>),
/// an Odoo option (<c>admin_passwd</c>), a properties key (<c>spring.datasource.password</c>) or a command-line flag
/// (<c>--requirepass</c>) — by the words it is made of. Names that describe a credential without holding one
/// (<c>PASSWORD_FILE</c>, <c>SECRET_NAME</c>, <c>TOKEN_TTL</c>, <c>existingSecret</c>) are not credential names.
/// </summary>
public readonly struct CredentialName
{
    /// <summary>Last words that make the name describe a credential rather than hold it.</summary>
    private static readonly HashSet<string> DescriptiveSuffixes = new(StringComparer.Ordinal)
    {
        "file", "files", "path", "paths", "dir", "directory", "folder", "name", "names", "ref", "reference", "refs",
        "id", "ids", "arn", "user", "username", "usr", "login", "email", "host", "hostname", "port", "endpoint",
        "url", "uri", "enabled", "enable", "disabled", "disable", "required", "length", "len", "min", "max",
        "minimum", "maximum", "ttl", "expiry", "expiration", "expires", "expire", "lifetime", "timeout", "age",
        "algorithm", "algo", "alg", "type", "kind", "header", "prefix", "suffix", "policy", "policies", "mode",
        "version", "format", "count", "size", "rotation", "interval", "period", "hint", "field", "env", "var",
        "variable", "location", "provider", "store", "mount", "selector", "regex", "pattern", "template", "encoding",
        "schema", "scope", "scopes", "audience", "issuer", "region", "namespace", "label", "annotation", "hash",
        "hashed", "digest", "checksum", "sha", "sha256", "md5", "fingerprint", "salt", "rounds", "iterations",
        "cost", "strength", "complexity", "reset", "attempts", "retries", "source", "method", "generator", "refresh",
        "backend", "engine", "manager", "operator", "volume", "class", "annotations", "labels", "key_id", "keyid",
        "public", "pub", "cert", "crt", "certificate", "ca", "chain", "minutes", "minute", "seconds", "second",
        "hours", "hour", "days", "day", "ms", "sec", "secs", "mins", "limit", "limits", "quota", "usage", "budget",
    };

    /// <summary>
    /// Words that make the whole name a quantity wherever they stand: <c>deepseek-max-tokens</c>,
    /// <c>MAX_TOKENS_PER_MINUTE</c>, <c>num_tokens</c> count tokens, they do not hold one.
    /// </summary>
    private static readonly HashSet<string> QuantityWords = new(StringComparer.Ordinal)
    {
        "max", "min", "maximum", "minimum", "num", "number", "count", "limit", "per",
    };

    /// <summary>First words that make the name a switch or a pointer: <c>existingSecret</c>, <c>generatePassword</c>.</summary>
    private static readonly HashSet<string> DescriptivePrefixes = new(StringComparer.Ordinal)
    {
        "existing", "use", "create", "generate", "rotate", "auto", "allow", "enable", "enabled", "disable", "require",
        "skip", "show", "hide", "has", "is", "forgot", "no", "with", "without", "external", "mount", "public",
        "checksum", "hash", "digest", "sha", "sha1", "sha256", "sha512", "md5", "fingerprint",
    };

    private static readonly HashSet<string> NotPasswords = new(StringComparer.Ordinal)
    {
        "bypass", "compass", "surpass", "trespass", "overpass", "underpass", "passthrough", "passive", "passenger", "pass",
    };

    private static readonly HashSet<string> KeyQualifiers = new(StringComparer.Ordinal)
    {
        "api", "access", "secret", "private", "master", "encryption", "encrypt", "crypt", "cipher", "signing", "sign",
        "auth", "app", "account", "storage", "license", "licence", "client", "shared", "session", "hmac", "jwt", "aes",
        "ssh", "deploy", "service", "subscription", "admin", "consumer", "webhook", "cookie", "oauth", "sendgrid",
        "stripe", "mailgun", "twilio", "openai", "google", "gcp", "aws", "azure",
    };

    private static readonly ConcurrentDictionary<string, CredentialName> Cache = new(StringComparer.Ordinal);
    private const int MaxCached = 20_000;

    private CredentialName(CredentialKind kind, bool isAmbiguous, bool isEnvironmentStyle = false)
    {
        Kind = kind;
        IsAmbiguous = isAmbiguous;
        IsEnvironmentStyle = isEnvironmentStyle;
    }

    /// <summary>
    /// True for an environment-variable name of several words (<c>JWT_SECRET</c>, <c>DB_PASSWORD</c>): its value is used
    /// as written, never as the name of another object the way <c>auth-secret: odoo-admin-basic-auth</c> is.
    /// </summary>
    public bool IsEnvironmentStyle { get; }

    public CredentialKind Kind { get; }

    /// <summary>
    /// True for names too generic to trust alone (<c>secret</c>, <c>SECRET</c>, <c>pass</c>): the value must itself look
    /// like a credential — generated, or a known weak password — before it is reported.
    /// </summary>
    public bool IsAmbiguous { get; }

    public bool IsCredential => Kind != CredentialKind.None;

    public static CredentialName Classify(string name)
    {
        if (name.Length < 2 || name.Length > 128 || !CredentialStems.OccurIn(name))
        {
            return default;
        }

        if (Cache.TryGetValue(name, out var cached))
        {
            return cached;
        }

        var environmentStyle = IsUpperSnake(name);
        var result = ClassifyWords(Words(name), HasCamelHumps(name), environmentStyle);
        if (result.IsCredential && environmentStyle)
        {
            result = new CredentialName(result.Kind, result.IsAmbiguous, isEnvironmentStyle: true);
        }

        if (Cache.Count < MaxCached)
        {
            Cache.TryAdd(name, result);
        }

        return result;
    }

    /// <summary>How the kind reads in a message: "a password", "an API key".</summary>
    public static string Describe(CredentialKind kind) => kind switch
    {
        CredentialKind.ApiKey or CredentialKind.AccessKey => "an " + Noun(kind),
        CredentialKind.Credentials => Noun(kind),
        _ => "a " + Noun(kind),
    };

    /// <summary>The kind as a noun: "password", "API key".</summary>
    public static string Noun(CredentialKind kind) => kind switch
    {
        CredentialKind.Password => "password",
        CredentialKind.Token => "token",
        CredentialKind.ApiKey => "API key",
        CredentialKind.AccessKey => "access key",
        CredentialKind.PrivateKey => "private key",
        CredentialKind.Credentials => "credentials",
        _ => "secret",
    };

    /// <summary>The kind as a stable identifier for reports: <c>password</c>, <c>api-key</c>.</summary>
    public static string Identify(CredentialKind kind) => kind switch
    {
        CredentialKind.Password => "password",
        CredentialKind.Token => "token",
        CredentialKind.ApiKey => "api-key",
        CredentialKind.AccessKey => "access-key",
        CredentialKind.PrivateKey => "private-key",
        CredentialKind.Credentials => "credentials",
        _ => "secret",
    };

    private static CredentialName ClassifyWords(List<string> words, bool camelCase, bool environmentStyle)
    {
        if (words.Count == 0)
        {
            return default;
        }

        var last = words[words.Count - 1];
        if (DescriptiveSuffixes.Contains(last) || DescriptivePrefixes.Contains(words[0]))
        {
            return default;
        }

        foreach (var word in words)
        {
            if (QuantityWords.Contains(word))
            {
                return default;
            }
        }

        var kind = CredentialKind.None;
        var ambiguous = false;
        for (var i = 0; i < words.Count; i++)
        {
            var word = words[i];
            var previous = i > 0 ? words[i - 1] : null;
            var found = WordKind(word, previous, words.Count, out var wordIsAmbiguous);
            if (found != CredentialKind.None && (kind == CredentialKind.None || Rank(found) > Rank(kind)))
            {
                kind = found;
                ambiguous = wordIsAmbiguous;
            }
        }

        if (last is "key" or "keys" && words.Count > 1 && WordKind(words[words.Count - 2], null, 2, out _) is CredentialKind.Password or CredentialKind.Token)
        {
            // userPasswordKey, tokenKey: the name of the key, inside a Secret, that holds the credential.
            return default;
        }

        if (last is "secret" or "secrets" && words.Count > 1)
        {
            // passwordSecret, tokenSecret: a credential word before "secret" names the Secret object that holds it.
            if (WordKind(words[words.Count - 2], null, 2, out _) is not CredentialKind.None and not CredentialKind.Secret)
            {
                // REFRESH_TOKEN_SECRET, JWT_KEY_SECRET: an environment variable holds the secret used to sign or check
                // tokens; judged as a secret, so a value that names an object (odoo-db-token) is still a reference.
                return environmentStyle ? new CredentialName(CredentialKind.Secret, false) : default;
            }

            // adminSecret: Kubernetes fields spelled in camel case that end in Secret are usually references by name.
            ambiguous |= camelCase;
        }

        return new CredentialName(kind, ambiguous);
    }

    private static bool IsUpperSnake(string name)
    {
        var underscore = false;
        foreach (var c in name)
        {
            if (c == '_')
            {
                underscore = true;
            }
            else if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')))
            {
                return false;
            }
        }

        return underscore;
    }

    /// <summary>The last word of a setting's name, lower-cased (<c>spring.data.mongodb.username</c> → username).</summary>
    public static string LastWord(string name)
    {
        var words = Words(name);
        return words.Count == 0 ? string.Empty : words[words.Count - 1];
    }

    private static bool HasCamelHumps(string name)
    {
        var hasLower = false;
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsLower(name[i]))
            {
                hasLower = true;
            }
            else if (hasLower && char.IsUpper(name[i]))
            {
                return true;
            }
        }

        return false;
    }

    private static CredentialKind WordKind(string word, string? previous, int wordCount, out bool ambiguous)
    {
        ambiguous = false;
        if (word is "password" or "passwd" or "passwort" or "passphrase" or "pwd" or "pw" or "passwords"
            || word.EndsWith("password", StringComparison.Ordinal) || word.EndsWith("passwd", StringComparison.Ordinal)
            || word.EndsWith("pwd", StringComparison.Ordinal) || word is "requirepass" or "masterauth" or "masterpass")
        {
            return CredentialKind.Password;
        }

        if (word.EndsWith("pass", StringComparison.Ordinal) && !NotPasswords.Contains(word))
        {
            // dbpass, adminpass, rootpass; "pass" alone is ambiguous (a verb as often as a password).
            return CredentialKind.Password;
        }

        if (word == "pass")
        {
            ambiguous = wordCount == 1;
            return wordCount == 1 || previous is not null ? CredentialKind.Password : CredentialKind.None;
        }

        if (word is "token" or "tokens" || (word.EndsWith("token", StringComparison.Ordinal) && word.Length > 5))
        {
            ambiguous = wordCount == 1;
            return CredentialKind.Token;
        }

        if (word is "apikey" or "apikeys" || (word == "key" && previous == "api"))
        {
            return CredentialKind.ApiKey;
        }

        if (word is "privatekey" || (word == "key" && previous == "private"))
        {
            return CredentialKind.PrivateKey;
        }

        if (word is "accesskey" || (word == "key" && previous == "access"))
        {
            return CredentialKind.AccessKey;
        }

        if (word is "credential" or "credentials" or "creds" || word.EndsWith("credentials", StringComparison.Ordinal))
        {
            return CredentialKind.Credentials;
        }

        if (word is "secret" or "secrets" || (word.EndsWith("secret", StringComparison.Ordinal) && word.Length > 6))
        {
            ambiguous = wordCount == 1;
            return CredentialKind.Secret;
        }

        if ((word == "key" && previous is not null && KeyQualifiers.Contains(previous))
            || (word.EndsWith("key", StringComparison.Ordinal) && word.Length > 3 && KeyQualifiers.Contains(word.Substring(0, word.Length - 3))))
        {
            return CredentialKind.Secret;
        }

        return CredentialKind.None;
    }

    private static int Rank(CredentialKind kind) => kind switch
    {
        CredentialKind.PrivateKey => 7,
        CredentialKind.AccessKey => 6,
        CredentialKind.ApiKey => 5,
        CredentialKind.Password => 4,
        CredentialKind.Token => 3,
        CredentialKind.Credentials => 2,
        CredentialKind.Secret => 1,
        _ => 0,
    };

    /// <summary>Splits on separators and camel-case humps, lower-cased: <c>clientSecretRef</c> → client, secret, ref.</summary>
    private static List<string> Words(string name)
    {
        var words = new List<string>(4);
        var start = -1;
        for (var i = 0; i <= name.Length; i++)
        {
            var c = i < name.Length ? name[i] : '\0';
            var isWordChar = char.IsLetterOrDigit(c);
            if (start >= 0 && (!isWordChar || IsHump(name, i)))
            {
                words.Add(name.Substring(start, i - start).ToLowerInvariant());
                start = -1;
            }

            if (isWordChar && start < 0)
            {
                start = i;
            }
        }

        return words;
    }

    private static bool IsHump(string name, int i)
    {
        if (i == 0 || i >= name.Length || !char.IsUpper(name[i]))
        {
            return false;
        }

        var previous = name[i - 1];
        if (char.IsLower(previous) || char.IsDigit(previous))
        {
            return true;
        }

        // "APIKey": the K starts a word because a lower-case letter follows it.
        return char.IsUpper(previous) && i + 1 < name.Length && char.IsLower(name[i + 1]);
    }
}
