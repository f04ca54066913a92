using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace PolicyKit.Policies.Exceptions;

/// <summary>
/// Fingerprints of findings about exception records, in the same form as every other finding's (32 hex digits of
/// SHA-256). They hash the rule, the environment and the record's identity (its field path, which names the record by
/// id), never line numbers, so moving a record inside its file keeps its findings' identity.
/// </summary>
internal static class ExceptionFingerprint
{
    public static string For(string ruleId, string? environment, string identity)
    {
        using var sha = SHA256.Create();
        var digest = sha.ComputeHash(Encoding.UTF8.GetBytes(string.Join("\u001f", ruleId, environment ?? string.Empty, "exception", identity)));
        var builder = new StringBuilder(32);
        for (var i = 0; i < 16; i++)
        {
            builder.Append(digest[i].ToString("x2", CultureInfo.InvariantCulture));
        }

        return builder.ToString();
    }
}
