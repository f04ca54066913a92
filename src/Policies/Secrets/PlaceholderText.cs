using System;

namespace PolicyKit.Policies.Secrets;

/// <summary>
/// Tells placeholders, references and ciphertext from literal values. A placeholder is text a tool replaces before
/// the value is used (<c>${VAR}</c>, <c>{{ .Values.x }}</c>, <c>&lt;changeme&gt;</c>, <c>REPLACE_ME</c>); a weak default
/// that merely looks like one (<c>changeme</c>, <c>password</c>) is a literal, because that is what gets deployed.
/// </summary>
public static class PlaceholderText
{
    private static readonly string[] ReferencePrefixes = { "vault:", "ref+", "op://", "sops://", "awssm://", "gcpsm://", "azkv://", "secretsmanager:" };

    private static readonly string[] PlaceholderWords =
    {
        "REPLACE", "CHANGE_ME", "CHANGEME", "CHANGE_THIS", "YOUR_", "_HERE", "TODO", "TBD", "FIXME", "PLACEHOLDER",
        "REDACTED", "INSERT_", "SET_ME", "SETME", "FILL_", "FILLME", "NOT_SET", "UNSET", "MASKED", "HIDDEN",
    };

    private static readonly string[] EmptyWords = { "~", "-", "null", "none", "nil", "undefined", "n/a" };

    /// <summary>Classifies <paramref name="value"/>; a substitution with a default (<c>${VAR:-odoo}</c>) yields the default for judging.</summary>
    public static SecretValueForm Classify(string value, out string? substitutionDefault)
    {
        substitutionDefault = null;
        var text = value.Trim();
        if (text.Length == 0 || IsEmptyWord(text))
        {
            return SecretValueForm.Empty;
        }

        if (IsSopsCiphertext(text))
        {
            return SecretValueForm.Encrypted;
        }

        if (StartsWithAny(text, ReferencePrefixes) || text.StartsWith("<path:", StringComparison.Ordinal))
        {
            return SecretValueForm.Reference;
        }

        if (ContainsSubstitution(text) || StartsWithTemplateOpener(text))
        {
            substitutionDefault = SingleSubstitutionDefault(text);
            return SecretValueForm.Placeholder;
        }

        return IsPlaceholderShape(text) ? SecretValueForm.Placeholder : SecretValueForm.Literal;
    }

    public static SecretValueForm Classify(string value) => Classify(value, out _);

    /// <summary>SOPS' encrypted value format: <c>ENC[AES256_GCM,data:…,iv:…,tag:…,type:str]</c>.</summary>
    public static bool IsSopsCiphertext(string text) =>
        text.StartsWith("ENC[", StringComparison.Ordinal) && text.EndsWith("]", StringComparison.Ordinal) && text.IndexOf("data:", StringComparison.Ordinal) > 0;

    /// <summary>
    /// Whether the text contains a template or variable substitution: shell and envsubst <c>${…}</c>, Kubernetes
    /// <c>$(VAR)</c>, Helm/Jinja/Go <c>{{ … }}</c>, Python <c>%(name)s</c>, <c>#{…}</c> and <c>%{…}</c> token replacement,
    /// or a bare upper-case <c>$VAR</c>. The secret then comes from the variable, not from the text.
    /// </summary>
    public static bool ContainsSubstitution(string text)
    {
        for (var i = 0; i < text.Length - 1; i++)
        {
            var c = text[i];
            var next = text[i + 1];
            switch (c)
            {
                case '$' when next == '{' && text.IndexOf('}', i + 2) > 0:
                case '$' when next == '(' && text.IndexOf(')', i + 2) > 0:
                case '{' when next == '{' && text.IndexOf("}}", i + 2, StringComparison.Ordinal) > 0:
                case '%' when next == '(' && text.IndexOf(")s", i + 2, StringComparison.Ordinal) > 0:
                case '#' when next == '{' && text.IndexOf('}', i + 2) > 0:
                case '%' when next == '{' && text.IndexOf('}', i + 2) > 0:
                    return true;
                case '$' when IsUpperVariableStart(next) && (i == 0 || !char.IsLetterOrDigit(text[i - 1])) && IsWholeUpperVariable(text, i + 1):
                    return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Text that starts a template expression whose end was cut off by the surrounding syntax, as in
    /// <c>postgresql://{{ .user }}:{{ .password }}@db</c>, where a URL password reads as <c>{{</c>.
    /// </summary>
    public static bool StartsWithTemplateOpener(string text) =>
        text.StartsWith("{{", StringComparison.Ordinal) || text.StartsWith("{%", StringComparison.Ordinal)
        || text.StartsWith("${", StringComparison.Ordinal) || text.StartsWith("$(", StringComparison.Ordinal)
        || text.StartsWith("#{", StringComparison.Ordinal) || text.StartsWith("%(", StringComparison.Ordinal);

    /// <summary>A value entirely made of one placeholder form, or of one character repeated (<c>xxxx</c>, <c>****</c>).</summary>
    public static bool IsPlaceholderShape(string text)
    {
        if (text.Length >= 2 && ((text[0] == '<' && text[text.Length - 1] == '>') || (text[0] == '[' && text[text.Length - 1] == ']')))
        {
            return text.IndexOf('<', 1) < 0 || text[0] == '[';
        }

        if (IsRepetition(text))
        {
            return true;
        }

        if (text.Length >= 4 && text.StartsWith("__", StringComparison.Ordinal) && text.EndsWith("__", StringComparison.Ordinal) && IsScreamingSnake(text))
        {
            return true;
        }

        if (text.Length >= 3 && text[0] == '@' && text[text.Length - 1] == '@')
        {
            return true;
        }

        // REPLACE_ME, YOUR_TOKEN_HERE; and a credential's name written where its value belongs (DB_PASSWORD, API_KEY).
        return IsScreamingSnake(text) && (ContainsAny(text, PlaceholderWords) || CredentialName.Classify(text).IsCredential);
    }

    /// <summary>One character repeated at least three times, ignoring a fixed token prefix the caller removed.</summary>
    public static bool IsRepetition(string text)
    {
        if (text.Length < 3)
        {
            return false;
        }

        var first = char.ToLowerInvariant(text[0]);
        foreach (var c in text)
        {
            if (char.ToLowerInvariant(c) != first)
            {
                return false;
            }
        }

        return true;
    }

    private static string? SingleSubstitutionDefault(string text)
    {
        // Only a value that is exactly one ${NAME:-default} (or -, :=, =) substitution has a default worth judging.
        if (!text.StartsWith("${", StringComparison.Ordinal) || text[text.Length - 1] != '}' || text.IndexOf('}') != text.Length - 1)
        {
            return null;
        }

        var i = 2;
        while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] == '_'))
        {
            i++;
        }

        if (i == 2 || i >= text.Length - 1)
        {
            return null;
        }

        if (text[i] == ':')
        {
            i++;
        }

        if (i >= text.Length - 1 || (text[i] != '-' && text[i] != '='))
        {
            return null;
        }

        var start = i + 1;
        return start < text.Length - 1 ? text.Substring(start, text.Length - 1 - start) : null;
    }

    private static bool IsUpperVariableStart(char c) => (c >= 'A' && c <= 'Z') || c == '_';

    private static bool IsWholeUpperVariable(string text, int start)
    {
        // "$PASSWORD" or "--db_password $PASSWORD" style use; "$ecret99" (lower case) stays a literal.
        var i = start;
        while (i < text.Length && ((text[i] >= 'A' && text[i] <= 'Z') || (text[i] >= '0' && text[i] <= '9') || text[i] == '_'))
        {
            i++;
        }

        return i - start >= 2 && (i == text.Length || !char.IsLetterOrDigit(text[i]));
    }

    private static bool IsScreamingSnake(string text)
    {
        var letters = 0;
        foreach (var c in text)
        {
            if (c >= 'A' && c <= 'Z')
            {
                letters++;
            }
            else if (!((c >= '0' && c <= '9') || c == '_' || c == '-'))
            {
                return false;
            }
        }

        return letters > 0;
    }

    private static bool IsEmptyWord(string text)
    {
        foreach (var word in EmptyWords)
        {
            if (string.Equals(text, word, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static bool StartsWithAny(string text, string[] prefixes)
    {
        foreach (var prefix in prefixes)
        {
            if (text.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static bool ContainsAny(string text, string[] words)
    {
        foreach (var word in words)
        {
            if (text.IndexOf(word, StringComparison.Ordinal) >= 0)
            {
                return true;
            }
        }

        return false;
    }
}
