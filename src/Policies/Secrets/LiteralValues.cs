using System;

namespace PolicyKit.Policies.Secrets;

/// <summary>Shapes of literal values that a credential-named setting may hold without holding a credential.</summary>
public static class LiteralValues
{
    /// <summary>Versions (<c>v1.2.3-beta</c>), timestamps (<c>2025-03-01T10:20:30Z</c>) and host:port pairs.</summary>
    private static readonly System.Text.RegularExpressions.Regex NonSecretShape = new(
        @"^(?:v?[0-9]+(?:\.[0-9]+)+(?:[-+][0-9A-Za-z.-]+)?|[0-9]{4}-[0-9]{2}-[0-9]{2}(?:[T ][0-9:.]+(?:Z|[+-][0-9:]+)?)?|[a-z0-9.-]+:[0-9]{2,5})$",
        System.Text.RegularExpressions.RegexOptions.CultureInvariant | System.Text.RegularExpressions.RegexOptions.Compiled);

    private static readonly string[] Switches = { "true", "false", "yes", "no", "on", "off", "enabled", "disabled", "enable", "disable", "required", "optional", "auto", "default_off" };

    private static readonly string[] HashPrefixes =
    {
        "$2a$", "$2b$", "$2y$", "$2x$", "$argon2", "$pbkdf2", "$scrypt$", "$5$", "$6$", "$1$", "$apr1$", "$y$", "$7$",
        "{SSHA}", "{SHA}", "{SSHA256}", "{SSHA512}", "{CRYPT}", "{BCRYPT}", "{PBKDF2}", "pbkdf2_sha256$", "pbkdf2:sha256:", "scrypt:", "md5$", "SCRAM-SHA-256$",
    };

    /// <summary><c>true</c>, <c>off</c>, <c>enabled</c>…: a credential-named switch, not a credential.</summary>
    public static bool IsSwitch(string value)
    {
        foreach (var word in Switches)
        {
            if (string.Equals(value, word, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A file-system path or file URL (<c>/run/secrets/db</c>, <c>./key.pem</c>, <c>C:\keys\a.pfx</c>): the credential is elsewhere.</summary>
    public static bool IsPath(string value)
    {
        if (value.Length == 0 || value.IndexOf(' ') >= 0)
        {
            return false;
        }

        if (value[0] == '/' || value.StartsWith("./", StringComparison.Ordinal) || value.StartsWith("../", StringComparison.Ordinal)
            || value.StartsWith("~/", StringComparison.Ordinal) || value.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
        {
            // A path is made of word-like segments; "/Zx9!mQ2#vL7" is a password that happens to start with a slash.
            return IsPathText(value) && (value.IndexOf('/', 1) > 0 || value.IndexOf('.', 1) > 0);
        }

        return value.Length > 3 && char.IsLetter(value[0]) && value[1] == ':' && (value[2] == '\\' || value[2] == '/');
    }

    private static bool IsPathText(string value)
    {
        foreach (var c in value)
        {
            if (!(char.IsLetterOrDigit(c) || c is '/' or '.' or '_' or '-' or '~' or ':' or '+' or '@' or '='))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A password hash in a standard format (bcrypt, argon2, PBKDF2, SHA-crypt, htpasswd, LDAP, SCRAM): not plaintext.</summary>
    public static bool IsPasswordHash(string value)
    {
        foreach (var prefix in HashPrefixes)
        {
            if (value.StartsWith(prefix, StringComparison.Ordinal))
            {
                return value.Length >= prefix.Length + 16;
            }
        }

        return false;
    }

    /// <summary>A plain URL without a password in it (<c>https://vault.example/v1/…</c>): an address, not a credential.</summary>
    public static bool IsUrlWithoutPassword(string value)
    {
        var scheme = value.IndexOf("://", StringComparison.Ordinal);
        if (scheme <= 0 || value.IndexOf(' ') >= 0)
        {
            return false;
        }

        var authorityEnd = value.IndexOfAny(new[] { '/', '?', '#' }, scheme + 3);
        var authority = authorityEnd < 0 ? value.Substring(scheme + 3) : value.Substring(scheme + 3, authorityEnd - scheme - 3);
        var at = authority.LastIndexOf('@');
        return at < 0 || authority.IndexOf(':') < 0 || authority.IndexOf(':') > at;
    }

    /// <summary>
    /// A short number (a port, a count, a flag): fewer than four digits. Callers report three digits under a name that
    /// can only mean a password (<c>admin_passwd = 123</c>), where it is the weakest password there is.
    /// </summary>
    public static bool IsShortNumber(string value)
    {
        if (value.Length == 0 || value.Length >= 4)
        {
            return false;
        }

        foreach (var c in value)
        {
            if (c < '0' || c > '9')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A path in a secret store (<c>secret/data/odoo</c>, <c>kv/tenants/acme#password</c>): a reference, not a value.</summary>
    public static bool IsStorePath(string value)
    {
        var slash = value.IndexOf('/');
        if (slash <= 0 || value.IndexOf(' ') >= 0 || value.IndexOf("//", StringComparison.Ordinal) >= 0)
        {
            return false;
        }

        foreach (var c in value)
        {
            if (!(char.IsLetterOrDigit(c) || c is '/' or '-' or '_' or '.' or '#' or ':'))
            {
                return false;
            }
        }

        // Word-like segments: a base64 secret also has slashes, but its segments are not made of lower-case words.
        foreach (var segment in value.Split('/', '#'))
        {
            if (segment.Length == 0 || (segment.Length > 12 && ShannonEntropy.LooksRandom(segment)) || HasUpperAfterLower(segment))
            {
                return false;
            }
        }

        return true;
    }

    private static bool HasUpperAfterLower(string segment)
    {
        var lower = false;
        foreach (var c in segment)
        {
            if (char.IsLower(c))
            {
                lower = true;
            }
            else if (lower && char.IsUpper(c))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether a value has the shape of a password: at least 8 characters without spaces, mixing at least three of
    /// lower case, upper case, digits and symbols, and not an address, e-mail, path, version or number.
    /// </summary>
    public static bool LooksLikePassword(string value)
    {
        if (value.Length < 8 || value.Length > 256 || value.IndexOf(' ') >= 0 || IsPath(value) || value.IndexOf("://", StringComparison.Ordinal) > 0
            || IsObjectName(value) || NonSecretShape.IsMatch(value))
        {
            return false;
        }

        if (value.IndexOf('@') > 0 && value.IndexOf('.', value.IndexOf('@')) > 0 && IsObjectName(value.Substring(value.IndexOf('@') + 1)))
        {
            // erp@acme.example
            return false;
        }

        int lower = 0, upper = 0, digit = 0, symbol = 0;
        foreach (var c in value)
        {
            if (char.IsLower(c)) lower = 1;
            else if (char.IsUpper(c)) upper = 1;
            else if (char.IsDigit(c)) digit = 1;
            else symbol = 1;
        }

        return lower + upper + digit + symbol >= 3 && !(symbol == 1 && lower + upper == 0);
    }

    /// <summary>A DNS-style name (<c>odoo-db-app</c>, <c>platform.vault</c>): what a reference to another object looks like.</summary>
    public static bool IsObjectName(string value)
    {
        if (value.Length == 0 || value.Length > 253)
        {
            return false;
        }

        var previousWasSeparator = true;
        foreach (var c in value)
        {
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
            {
                previousWasSeparator = false;
            }
            else if ((c == '-' || c == '.') && !previousWasSeparator)
            {
                previousWasSeparator = true;
            }
            else
            {
                return false;
            }
        }

        return !previousWasSeparator;
    }
}
