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

    /// <summary>
    /// First words of a lower-case placeholder phrase (<c>replace-me</c>, <c>your-api-key</c>, <c>insert_token</c>). Not
    /// <c>change</c>: <c>changeme</c> and <c>change-me</c> are weak defaults that get deployed as they are.
    /// </summary>
    private static readonly string[] PhraseOpeners = { "replace", "replaceme", "your", "yours", "insert", "enter", "put", "paste", "fill", "fillme", "todo", "tbd", "fixme", "placeholder", "redacted", "setme" };

    /// <summary>Last words of a lower-case placeholder phrase (<c>api-key-goes-here</c>, <c>token_here</c>).</summary>
    private static readonly string[] PhraseClosers = { "here", "placeholder", "redacted", "tbd", "todo" };

    private const int MaxTokenPrefixLength = 8;

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

        if (IsRepetition(text) || IsSeparatedRepetition(text) || IsPlaceholderPhrase(text))
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

        // REPLACE_ME, YOUR_TOKEN_HERE; a credential's name written where its value belongs (DB_PASSWORD, API_KEY); and an
        // instruction spelled as a constant in any language (TROQUE_PELA_SENHA_DO_BANCO, "replace with the db password").
        return IsScreamingSnake(text) && (ContainsAny(text, PlaceholderWords) || CredentialName.Classify(text).IsCredential || IsUpperWordConstant(text));
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

    /// <summary>
    /// One character repeated in groups (<c>xxx/xxx/xxx</c>, <c>XXXX-XXXX</c>), optionally after a short token prefix
    /// (<c>ghp_xxxx</c>, <c>sk-xxxxxxxx</c>): a redacted or example value, not a secret.
    /// </summary>
    public static bool IsSeparatedRepetition(string text)
    {
        var start = 0;
        var separator = text.IndexOfAny(RepetitionSeparators);
        if (separator > 0 && separator <= MaxTokenPrefixLength && (text[separator] == '_' || text[separator] == '-') && IsAlphanumeric(text, 0, separator)
            && !IsRepetition(text.Substring(0, separator)))
        {
            // A fixed token prefix (ghp_, sk-, xoxb-) before a repeated body.
            start = separator + 1;
        }

        var repeated = '\0';
        var count = 0;
        var separated = start > 0;
        for (var i = start; i < text.Length; i++)
        {
            var c = text[i];
            if (Array.IndexOf(RepetitionSeparators, c) >= 0)
            {
                separated = true;
                continue;
            }

            if (!char.IsLetterOrDigit(c) && c != '*')
            {
                return false;
            }

            var lower = char.ToLowerInvariant(c);
            if (count == 0)
            {
                repeated = lower;
            }
            else if (lower != repeated)
            {
                return false;
            }

            count++;
        }

        // "000-000" is a number a person chose, not a redaction; repeated letters and asterisks are.
        return separated && count >= 3 && !char.IsDigit(repeated);
    }

    /// <summary>
    /// A lower-case phrase that asks for a value instead of being one: <c>replace-me</c>, <c>your-api-key</c>,
    /// <c>insert_token_here</c>. Words only (letters, digits, <c>-</c>, <c>_</c>, <c>.</c>), at least two of them or one
    /// of the fused forms (<c>replaceme</c>).
    /// </summary>
    public static bool IsPlaceholderPhrase(string text)
    {
        if (text.Length < 4 || text.Length > 64)
        {
            return false;
        }

        var words = 1;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '-' or '_' or '.')
            {
                if (i == 0 || i == text.Length - 1)
                {
                    return false;
                }

                words++;
            }
            else if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')))
            {
                return false;
            }
        }

        var firstEnd = text.IndexOfAny(PhraseSeparators);
        var first = firstEnd < 0 ? text : text.Substring(0, firstEnd);
        var lastStart = text.LastIndexOfAny(PhraseSeparators);
        var last = lastStart < 0 ? text : text.Substring(lastStart + 1);
        if (words == 1)
        {
            return first is "replaceme" or "setme" or "fillme" or "placeholder" or "redacted" or "tbd" or "todo" or "fixme";
        }

        return Array.IndexOf(PhraseOpeners, first) >= 0 || Array.IndexOf(PhraseClosers, last) >= 0;
    }

    private static readonly char[] RepetitionSeparators = { '-', '_', '/', '.', ':', ' ' };

    private static readonly char[] PhraseSeparators = { '-', '_', '.' };

    private static bool IsAlphanumeric(string text, int start, int end)
    {
        for (var i = start; i < end; i++)
        {
            if (!char.IsLetterOrDigit(text[i]))
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

    /// <summary>Three or more upper-case words of letters only, joined by underscores: a constant's name, not a password.</summary>
    private static bool IsUpperWordConstant(string text)
    {
        var words = 1;
        var wordLength = 0;
        foreach (var c in text)
        {
            if (c == '_')
            {
                if (wordLength < 2)
                {
                    return false;
                }

                words++;
                wordLength = 0;
            }
            else if (c >= 'A' && c <= 'Z')
            {
                wordLength++;
            }
            else
            {
                return false;
            }
        }

        return words >= 3 && wordLength >= 2;
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
