using System;
using System.Collections.Generic;
using System.Text;

namespace PolicyKit.Policies.Secrets;

/// <summary>
/// Passwords an attacker tries first: vendor and image defaults (Odoo's <c>admin</c>, PostgreSQL's <c>postgres</c>,
/// Java's <c>changeit</c>) and the most common human choices, also with digits or symbols around them and common letter
/// substitutions (<c>P@ssw0rd!</c>). The list is small on purpose: it names what real Odoo deployments ship with.
/// </summary>
public static class WeakPasswords
{
    private static readonly HashSet<string> Words = new(StringComparer.Ordinal)
    {
        "admin", "administrator", "root", "toor", "odoo", "openerp", "postgres", "postgresql", "pgsql", "mysql",
        "mariadb", "redis", "password", "passwort", "passw", "pass", "secret", "changeme", "changeit", "default",
        "letmein", "welcome", "qwerty", "azerty", "qwertz", "abc", "abcd", "abcdef", "test", "testing", "tester",
        "demo", "guest", "user", "master", "superuser", "super", "manager", "service", "example", "sample", "login",
        "iloveyou", "dragon", "monkey", "sunshine", "football", "princess", "trustno", "shadow", "access", "hello",
        "temp", "temporary", "dev", "developer", "prod", "production", "staging", "database", "db", "odooadmin",
        "odoopass", "odoopassword", "adminpass", "adminpassword", "rootpass", "pw", "pwd", "passwd", "nopassword",
        "secure", "private", "qwertyuiop", "asdf", "asdfgh", "zxcvbn", "mysecret", "supersecret", "secretkey",
        "mypassword", "mypass", "changethis",
    };

    /// <summary>Defaults that announce themselves: <c>change-me-production-secret</c> is deployed as written.</summary>
    private static readonly string[] DefaultOpeners = { "changeme", "changeit", "changethis" };

    /// <summary>Words that name what the value is for; with weak words around them they add no strength (<c>staging-jwt-secret</c>).</summary>
    private static readonly HashSet<string> FillerWords = new(StringComparer.Ordinal)
    {
        "my", "key", "jwt", "api", "app", "token", "refresh", "session", "cookie", "signing", "encryption", "auth",
        "local", "the", "new", "very", "strong", "insecure", "not", "so", "dummy", "fake",
    };

    /// <summary>Words whose presence makes a run of filler and dictionary words a credential-like default.</summary>
    private static readonly HashSet<string> CredentialWords = new(StringComparer.Ordinal)
    {
        "secret", "password", "passwd", "pass", "pwd", "key", "token", "changeme", "changeit",
    };

    private static readonly char[] WordSeparators = { '-', '_', '.', ' ' };

    private static readonly char[] Decoration = "0123456789!?.,;:#*_-+=~@$%&^()[]{}<>/\\|'\"` ".ToCharArray();

    /// <summary>
    /// Whether <paramref name="value"/> is a known weak password or a dictionary word dressed up with digits, symbols
    /// and substitutions (<c>Odoo2024!</c>, <c>s3cr3t</c>, <c>P@ssw0rd</c>), a doubled word (<c>adminadmin</c>), or a short
    /// run of digits and symbols (<c>123456</c>).
    /// </summary>
    public static bool IsDictionaryLike(string value) => IsDictionaryLike(value, includeWordRuns: true);

    /// <summary>
    /// As <see cref="IsDictionaryLike(string)"/>; without <paramref name="includeWordRuns"/>, runs of several words
    /// (<c>staging-jwt-secret</c>) are not weak by themselves, since they read like the names of objects too.
    /// </summary>
    public static bool IsDictionaryLike(string value, bool includeWordRuns)
    {
        var trimmed = value.Trim(Decoration);
        if (trimmed.Length == 0)
        {
            return value.Length <= 12;
        }

        if (IsWord(Substitute(trimmed)) || IsWord(Substitute(value)))
        {
            return true;
        }

        return trimmed.IndexOfAny(WordSeparators) > 0 && IsComposedDefault(trimmed, includeWordRuns);
    }

    /// <summary>
    /// Dictionary words joined by separators: <c>change-me</c> and <c>pass_word</c> (the fused form is a known word),
    /// <c>change-me-production-key</c> (an announced default), <c>secret-key-1234</c> and <c>staging-jwt-secret</c>
    /// (only weak words, digits and words that name the purpose, at least one of them a credential word).
    /// </summary>
    private static bool IsComposedDefault(string text, bool includeWordRuns)
    {
        var fused = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (Array.IndexOf(WordSeparators, c) < 0)
            {
                fused.Append(c);
            }
        }

        var joined = Substitute(fused.ToString());
        if (IsWord(joined))
        {
            return true;
        }

        foreach (var opener in DefaultOpeners)
        {
            if (joined.StartsWith(opener, StringComparison.Ordinal))
            {
                return true;
            }
        }

        if (!includeWordRuns)
        {
            return false;
        }

        var credentialWord = false;
        foreach (var segment in text.Split(WordSeparators))
        {
            var word = segment.ToLowerInvariant();
            if (word.Length == 0 || word.Trim(Decoration).Length == 0)
            {
                continue;
            }

            credentialWord |= CredentialWords.Contains(word);
            if (!Words.Contains(word) && !FillerWords.Contains(word) && !IsWord(Substitute(word.Trim(Decoration))))
            {
                return false;
            }
        }

        return credentialWord;
    }


    /// <summary>
    /// Whether an Odoo master password (<c>admin_passwd</c>) is weak: dictionary-like, or shorter than 12 characters.
    /// The master password guards creating, copying, dropping and restoring every database of the instance.
    /// </summary>
    public static bool IsWeakMasterPassword(string value) => value.Length < 12 || IsDictionaryLike(value);

    private static bool IsWord(string candidate)
    {
        if (candidate.Length == 0)
        {
            return false;
        }

        if (Words.Contains(candidate))
        {
            return true;
        }

        var half = candidate.Length / 2;
        return candidate.Length % 2 == 0 && string.CompareOrdinal(candidate, 0, candidate, half, half) == 0 && Words.Contains(candidate.Substring(0, half));
    }

    /// <summary>Lower-cases and undoes the substitutions people use to satisfy complexity rules.</summary>
    private static string Substitute(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var raw in text)
        {
            var c = char.ToLowerInvariant(raw);
            builder.Append(c switch
            {
                '@' or '4' => 'a',
                '3' => 'e',
                '0' => 'o',
                '$' or '5' => 's',
                '1' or '!' or '|' => 'i',
                '7' or '+' => 't',
                _ => c,
            });
        }

        return builder.ToString();
    }
}
