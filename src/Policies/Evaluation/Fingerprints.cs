using System.Security.Cryptography;
using System.Text;
using PolicyKit.Policies.Model;

namespace PolicyKit.Policies.Evaluation;

/// <summary>
/// Fingerprints identify "the same problem" across runs so baselines and exceptions survive edits. They hash what the
/// problem is about, never where it sits in the file.
/// </summary>
internal static class Fingerprints
{
    /// <summary>
    /// A resource's problem. <c>renderedFrom</c> is the overlay or chart a rendered resource came from, so a base judged
    /// once per overlay gives each overlay its own findings; null for resources read as written (unchanged fingerprints).
    /// </summary>
    public static string ForResource(string ruleId, string? environment, ResourceIdentity identity, string fieldPath, string? renderedFrom = null) =>
        renderedFrom is null
            ? Hash(ruleId, environment ?? string.Empty, identity.Group, identity.Kind, identity.Namespace ?? string.Empty, identity.Name ?? string.Empty, fieldPath)
            : Hash(ruleId, environment ?? string.Empty, identity.Group, identity.Kind, identity.Namespace ?? string.Empty, identity.Name ?? string.Empty, fieldPath, "rendered", renderedFrom);

    /// <summary>Unreadable input has no resource identity; the file and the document's position in it stand in.</summary>
    public static string ForInput(string ruleId, string? environment, string file, int documentIndex) =>
        Hash(ruleId, environment ?? string.Empty, "input", file, documentIndex.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>A change to the policy is identified by its rule, the policy file and the changed field.</summary>
    public static string ForPolicy(string ruleId, string file, string fieldPath) =>
        Hash(ruleId, "policy", file, fieldPath);

    private static string Hash(params string[] parts)
    {
        using var sha = SHA256.Create();
        var digest = sha.ComputeHash(Encoding.UTF8.GetBytes(string.Join("\u001f", parts)));
        var builder = new StringBuilder(32);
        for (var i = 0; i < 16; i++)
        {
            builder.Append(digest[i].ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
        }

        return builder.ToString();
    }
}
