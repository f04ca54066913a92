using System;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace PolicyKit.Policies.Secrets;

/// <summary>
/// The only form in which a detected secret may appear in a message, a report, a property or an error:
/// <c>od…(7 chars, sha256:3f2a9c1b)</c>. It shows at most the first two characters, and never more than a quarter of
/// the value, so a short password is not half given away; its length; and a short fingerprint, so the same secret can be
/// recognised across files and runs without being revealed.
/// </summary>
/// <remarks>
/// The fingerprint is SHA-256 over <see cref="FingerprintDomain"/> followed by the value's UTF-8 bytes, truncated to
/// 8 hex digits. The domain prefix keeps the fingerprint of a common password (<c>admin</c>) from being looked up in
/// published tables of plain SHA-256 digests; anyone holding a candidate value can still reproduce it with
/// <c>printf 'policykit:%s' "$value" | sha256sum</c>.
/// </remarks>
public static class SecretMask
{
    public const string FingerprintDomain = "policykit:";

    private const int MaxShownCharacters = 2;
    private const int FingerprintHexDigits = 8;

    public static string Mask(string value)
    {
        if (value is null)
        {
            throw new ArgumentNullException(nameof(value));
        }

        var shown = ShownPrefixLength(value);
        var builder = new StringBuilder(48);
        builder.Append(value, 0, shown)
            .Append('…')
            .Append('(')
            .Append(value.Length.ToString(CultureInfo.InvariantCulture))
            .Append(value.Length == 1 ? " char, " : " chars, ")
            .Append(Fingerprint(value))
            .Append(')');
        return builder.ToString();
    }

    /// <summary><c>sha256:</c> and the first 8 hex digits of the domain-separated digest of <paramref name="value"/>.</summary>
    public static string Fingerprint(string value)
    {
        using var sha = SHA256.Create();
        var digest = sha.ComputeHash(Encoding.UTF8.GetBytes(FingerprintDomain + value));
        var builder = new StringBuilder("sha256:", 7 + FingerprintHexDigits);
        for (var i = 0; i < FingerprintHexDigits / 2; i++)
        {
            builder.Append(digest[i].ToString("x2", CultureInfo.InvariantCulture));
        }

        return builder.ToString();
    }

    private static int ShownPrefixLength(string value)
    {
        var shown = Math.Min(MaxShownCharacters, value.Length / 4);
        for (var i = 0; i < shown; i++)
        {
            // Never show a line break, a control character or half of a surrogate pair: stop before it.
            var c = value[i];
            if (char.IsControl(c) || char.IsWhiteSpace(c) || char.IsSurrogate(c))
            {
                return i;
            }
        }

        return shown;
    }
}
