namespace PolicyKit.Policies.Secrets;

/// <summary>
/// Decides whether a value is a plaintext secret, from its setting's name and from the value itself. This is where
/// precision is won: a recognised token format is a secret wherever it is; a credential-named setting holds a secret
/// unless its value is empty, a placeholder, a reference, a switch, a path, a password hash or an address; a generic
/// name (<c>secret</c>) needs a value that itself looks generated or is a known weak password.
/// </summary>
public static class SecretJudge
{
    private static readonly char[] NameSeparators = { '-', '.' };

    /// <summary>Judges <paramref name="value"/> held by a setting called <paramref name="name"/> (null when unnamed).</summary>
    public static JudgedSecret Judge(string? name, string value)
    {
        var credential = name is null ? default : CredentialName.Classify(name);
        return Judge(credential, value);
    }

    public static JudgedSecret Judge(CredentialName credential, string value)
    {
        if (TokenScanner.TryFindFirst(value, out var token))
        {
            return JudgedSecret.FromToken(token);
        }

        if (!credential.IsCredential)
        {
            return default;
        }

        var (start, length) = Trimmed(value);
        var text = value.Substring(start, length);
        var form = PlaceholderText.Classify(text, out var substitutionDefault);
        if (form == SecretValueForm.Placeholder && substitutionDefault is not null)
        {
            // ${DB_PASSWORD:-odoo}: the default is what runs whenever the variable is unset.
            start = value.IndexOf(substitutionDefault, start, System.StringComparison.Ordinal);
            text = substitutionDefault;
            length = text.Length;
            form = PlaceholderText.Classify(text);
        }

        if (form != SecretValueForm.Literal || IsNotACredential(text, credential))
        {
            return default;
        }

        var weak = WeakPasswords.IsDictionaryLike(text);

        // A run of words (odoo-db-secret) may name a Secret object; under an environment variable (JWT_SECRET) it is
        // the value itself, and a run of weak words there is a weak default (staging-jwt-secret).
        var weakNotAName = weak && (credential.IsEnvironmentStyle || WeakPasswords.IsDictionaryLike(text, includeWordRuns: false));
        if (credential.Kind == CredentialKind.Secret && !weakNotAName && (LiteralValues.IsObjectName(text) && text.IndexOfAny(NameSeparators) > 0 || LiteralValues.IsStorePath(text)))
        {
            // auth-secret: odoo-admin-basic-auth, agent-inject-secret-db: secret/data/odoo — "secret" fields name a
            // Secret object or a path in a secret store far more often than they hold a secret.
            return default;
        }


        if (credential.IsAmbiguous && !weakNotAName && (!ShannonEntropy.LooksRandom(text) || LiteralValues.IsObjectName(text)))
        {
            return default;
        }

        return Describe(credential.Kind, weak, start, length);
    }

    /// <summary>A value that sits in a plaintext Secret: secret unless empty, a placeholder, a reference or ciphertext.</summary>
    public static bool IsLiteral(string value) => PlaceholderText.Classify(value) == SecretValueForm.Literal;

    public static JudgedSecret Describe(CredentialKind kind, bool weak, int index, int length)
    {
        if (weak)
        {
            return kind is CredentialKind.Password or CredentialKind.Secret or CredentialKind.Credentials
                ? new JudgedSecret("weak-password", "a weak password", index, length)
                : new JudgedSecret("weak-" + CredentialName.Identify(kind), "a weak " + CredentialName.Noun(kind), index, length);
        }

        return new JudgedSecret(CredentialName.Identify(kind), CredentialName.Describe(kind), index, length);
    }

    private static bool IsNotACredential(string text, CredentialName credential) =>
        LiteralValues.IsSwitch(text)
        || LiteralValues.IsPath(text)
        || LiteralValues.IsPasswordHash(text)
        || LiteralValues.IsUrlWithoutPassword(text)
        || (LiteralValues.IsShortNumber(text) && !(text.Length == 3 && credential.Kind == CredentialKind.Password && !credential.IsAmbiguous));

    private static (int Start, int Length) Trimmed(string value)
    {
        var start = 0;
        var end = value.Length;
        while (start < end && char.IsWhiteSpace(value[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(value[end - 1]))
        {
            end--;
        }

        return (start, end - start);
    }
}
