using Microsoft.CodeAnalysis;
using PolicyKit.Policies.Secrets;

namespace PolicyKit.Analyzers.Secrets;

/// <summary>Judges C# names and configuration keys with the engine's credential vocabulary, so C# and YAML agree.</summary>
internal static class CredentialSymbols
{
    private static readonly char[] KeySeparators = { ':', '.', '/' };

    /// <summary>The name the engine should judge: without C# field prefixes (<c>_password</c>, <c>m_password</c>, <c>@password</c>).</summary>
    public static string Normalize(string name)
    {
        if (name.StartsWith("m_", System.StringComparison.Ordinal) || name.StartsWith("s_", System.StringComparison.Ordinal))
        {
            name = name.Substring(2);
        }

        return name.TrimStart('_', '@');
    }

    /// <summary>Last words that say the symbol holds the credential's value itself: <c>PasswordValue</c>, <c>TokenText</c>.</summary>
    private static readonly string[] ValueWords = { "value", "text", "string", "raw", "plain", "plaintext", "bytes", "utf8" };

    /// <summary>
    /// The engine's judgement of a C# name, held to one C# habit: the credential must be what the name ends with
    /// (<c>DbPassword</c>, <c>ApiKey</c>, <c>ClientSecret</c>, <c>PasswordValue</c>). Constants named
    /// <c>ResetPasswordPrompt</c>, <c>TokenIdentifier</c> or <c>SecretsManagerAccess</c> hold feature flags, claim types and
    /// error codes about credentials, which in real code far outnumber credentials.
    /// </summary>
    public static CredentialName Classify(string name)
    {
        var normalized = Normalize(name);
        var credential = CredentialName.Classify(normalized);
        if (!credential.IsCredential)
        {
            return default;
        }

        var words = Words(normalized);
        if (words.Count <= 1 || System.Array.IndexOf(ValueWords, words[words.Count - 1].ToLowerInvariant()) >= 0)
        {
            return credential;
        }

        var last = words[words.Count - 1];
        var previous = words[words.Count - 2];

        // ApiKey, SigningKey: "Key" names a credential only with the word before it, which alone does not.
        return CredentialName.Classify(last).IsCredential
            || (!CredentialName.Classify(previous).IsCredential && CredentialName.Classify(previous + "_" + last).IsCredential)
            ? credential
            : default;
    }

    /// <summary>
    /// Whether a constant is the name of a setting rather than its value: the symbol's own name spelled as text
    /// (<c>Password = "password"</c>, <c>LicenseKey = "LicenseKey"</c>), or a run of lower-case words that mentions a
    /// credential (<c>"password_hash_b64"</c>, <c>"pm-1234-rotate-api-key"</c>) and is not itself a weak default.
    /// </summary>
    public static bool IsSettingName(string symbolName, string value)
    {
        var squeezed = Squeeze(value);
        if (squeezed.Length > 0 && (squeezed == Squeeze(Normalize(symbolName)) || squeezed == Squeeze(Words(Normalize(symbolName)) is { Count: > 0 } words ? words[words.Count - 1] : string.Empty)))
        {
            return true;
        }

        return IsLowerCaseWordRun(value) && CredentialStems.OccurIn(value) && !WeakPasswords.IsDictionaryLike(value);
    }

    private static bool IsLowerCaseWordRun(string value)
    {
        var separators = 0;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c is '-' or '_' or '.' or ':')
            {
                if (i == 0 || i == value.Length - 1 || value[i - 1] is '-' or '_' or '.' or ':')
                {
                    return false;
                }

                separators++;
            }
            else if (!(c is >= 'a' and <= 'z' or >= '0' and <= '9'))
            {
                return false;
            }
        }

        return separators > 0;
    }

    private static string Squeeze(string text)
    {
        var builder = new System.Text.StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }

        return builder.ToString();
    }

    /// <summary>Splits <c>DbPassword</c>, <c>db_password</c>, <c>DB_PASSWORD</c> and <c>Odoo.Api-Key</c> into words.</summary>
    private static System.Collections.Generic.List<string> Words(string name)
    {
        var words = new System.Collections.Generic.List<string>();
        var current = new System.Text.StringBuilder();
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (!char.IsLetterOrDigit(c))
            {
                Flush();
                continue;
            }

            if (char.IsUpper(c) && current.Length > 0 && (char.IsLower(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1]) && char.IsUpper(name[i - 1]))))
            {
                Flush();
            }

            current.Append(c);
        }

        Flush();
        return words;

        void Flush()
        {
            if (current.Length > 0)
            {
                words.Add(current.ToString());
                current.Clear();
            }
        }
    }

    /// <summary>
    /// The setting a configuration key names: its last section, <c>Odoo:Password</c> → <c>Password</c>; also for the
    /// <c>__</c> separator environment variables use (<c>Odoo__Password</c>).
    /// </summary>
    public static string LastKeySection(string key)
    {
        var doubleUnderscore = key.LastIndexOf("__", System.StringComparison.Ordinal);
        var separator = key.LastIndexOfAny(KeySeparators);
        var cut = System.Math.Max(separator + 1, doubleUnderscore >= 0 ? doubleUnderscore + 2 : 0);
        return cut > 0 && cut < key.Length ? key.Substring(cut) : key;
    }

    /// <summary>Types that can carry a credential's value; a <c>CancellationToken token</c> cannot.</summary>
    public static bool CanHoldSecret(ITypeSymbol? type)
    {
        if (type is null)
        {
            return false;
        }

        if (type.SpecialType is SpecialType.System_String or SpecialType.System_Object)
        {
            return true;
        }

        if (type is IArrayTypeSymbol { ElementType.SpecialType: SpecialType.System_Char or SpecialType.System_Byte })
        {
            return true;
        }

        // The simple name first: spelling out the full name of every other type would allocate on each call.
        if (type.Name is not ("SecureString" or "ReadOnlySpan" or "ReadOnlyMemory" or "Span" or "Memory"))
        {
            return false;
        }

        var name = type.OriginalDefinition.ToDisplayString();
        return name is "System.Security.SecureString" or "System.ReadOnlySpan<T>" or "System.ReadOnlyMemory<T>" or "System.Span<T>" or "System.Memory<T>";
    }

    /// <summary>A symbol's kind as it reads at the start of a message.</summary>
    public static string Describe(ISymbol symbol) => symbol switch
    {
        IFieldSymbol => "Field",
        IPropertySymbol => "Property",
        IParameterSymbol => "Parameter",
        ILocalSymbol => "Variable",
        _ => "Symbol",
    };
}
