using System;
using PolicyKit.Policies.Yaml;

namespace PolicyKit.Policies.Checks.Platform;

/// <summary>
/// A Barman object-store configuration as CloudNativePG writes it, wherever it sits: a Cluster's
/// <c>spec.backup.barmanObjectStore</c> (in-tree backups) or a Barman Cloud plugin <c>ObjectStore</c>'s
/// <c>spec.configuration</c>. Both share one schema (<c>destinationPath</c>, <c>s3Credentials</c>…, <c>data</c>,
/// <c>wal</c>).
/// </summary>
internal sealed class CnpgObjectStore
{
    /// <summary>The credential sections of the schema; each field inside is a Secret key selector, or a switch.</summary>
    public static readonly string[] CredentialSections = { "s3Credentials", "azureCredentials", "googleCredentials" };

    public CnpgObjectStore(MappingNode node, ScalarNode key, string path)
    {
        Node = node;
        Key = key;
        Path = path;
    }

    public MappingNode Node { get; }

    /// <summary>The key the configuration is written under, where findings about it as a whole point.</summary>
    public ScalarNode Key { get; }

    public string Path { get; }

    /// <summary>
    /// Whether the bucket is S3 (or S3-compatible), where server-side encryption is a per-upload choice; Azure Blob
    /// Storage and Google Cloud Storage always encrypt at rest, so the rule has nothing to ask of them.
    /// </summary>
    public bool IsS3 =>
        Node.Get("s3Credentials") is not null
        || (Node.GetString("destinationPath") is { } destination && destination.StartsWith("s3://", StringComparison.OrdinalIgnoreCase));

    /// <summary>The configuration under <paramref name="key"/> of <paramref name="parent"/>, with its key, or null.</summary>
    public static CnpgObjectStore? At(MappingNode? parent, string key, string path)
    {
        if (parent is null || !parent.TryGetEntry(key, out var entry) || entry.Value is not MappingNode node)
        {
            return null;
        }

        return new CnpgObjectStore(node, entry.Key, path);
    }
}
