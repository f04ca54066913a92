using System;

namespace PolicyKit.Policies.Provenance;

/// <summary>
/// An image reference split the way registries resolve it: the full name with its registry made explicit
/// (<c>odoo</c> is <c>docker.io/library/odoo</c>), and the digest when pinned.
/// </summary>
public readonly struct ImageName
{
    private ImageName(string name, string? digest)
    {
        Name = name;
        Digest = digest;
    }

    /// <summary>Registry and repository, without tag or digest (e.g. <c>registry.example.com/odoo/odoo</c>).</summary>
    public string Name { get; }

    /// <summary>The <c>sha256:</c> digest, lower-case, or null when the image is not pinned by a SHA-256 digest.</summary>
    public string? Digest { get; }

    public static ImageName Parse(string image)
    {
        string? digest = null;
        var at = image.IndexOf('@');
        if (at >= 0)
        {
            var candidate = image.Substring(at + 1);
            digest = IsSha256Digest(candidate) ? candidate : null;
            image = image.Substring(0, at);
        }

        var lastSlash = image.LastIndexOf('/');
        var colon = image.IndexOf(':', lastSlash + 1);
        if (colon >= 0)
        {
            image = image.Substring(0, colon);
        }

        var firstSlash = image.IndexOf('/');
        var first = firstSlash < 0 ? string.Empty : image.Substring(0, firstSlash);
        var hasRegistry = first.IndexOf('.') >= 0 || first.IndexOf(':') >= 0 || first == "localhost";
        var name = hasRegistry ? image : firstSlash < 0 ? "docker.io/library/" + image : "docker.io/" + image;
        return new ImageName(name, digest);
    }

    private static bool IsSha256Digest(string text)
    {
        if (text.Length != 71 || !text.StartsWith("sha256:", StringComparison.Ordinal))
        {
            return false;
        }

        for (var i = 7; i < text.Length; i++)
        {
            var c = text[i];
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')))
            {
                return false;
            }
        }

        return true;
    }
}
