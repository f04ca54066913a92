using System.Text.RegularExpressions;

namespace PolicyKit.Policies.Checks;

/// <summary>The parts of a container image reference that policy cares about: its repository, its tag and its digest.</summary>
internal readonly partial struct ImageReference
{
    private const string DigestPatternText = "^sha(256:[0-9a-f]{64}|384:[0-9a-f]{96}|512:[0-9a-f]{128})$";

#if NET
    private static readonly Regex DigestPattern = DigestPatternGenerated();

    [GeneratedRegex(DigestPatternText, RegexOptions.CultureInvariant)]
    private static partial Regex DigestPatternGenerated();
#else
    private static readonly Regex DigestPattern = new(DigestPatternText, RegexOptions.Compiled | RegexOptions.CultureInvariant);
#endif

    private ImageReference(string repository, string? tag, string? digest)
    {
        Repository = repository;
        Tag = tag;
        Digest = digest;
    }

    /// <summary>The image without tag or digest, e.g. <c>amazon/aws-cli</c> or <c>registry:5000/odoo</c>.</summary>
    public string Repository { get; }

    public string? Tag { get; }

    public string? Digest { get; }

    public bool HasValidDigest => Digest is not null && DigestPattern.IsMatch(Digest);

    public static ImageReference Parse(string image)
    {
        string? digest = null;
        var at = image.IndexOf('@');
        if (at >= 0)
        {
            digest = image.Substring(at + 1);
            image = image.Substring(0, at);
        }

        // A colon before the last slash belongs to a registry port (registry:5000/odoo), not to a tag.
        var lastSlash = image.LastIndexOf('/');
        var colon = image.IndexOf(':', lastSlash + 1);
        var tag = colon < 0 ? null : image.Substring(colon + 1);
        var repository = colon < 0 ? image : image.Substring(0, colon);
        return new ImageReference(repository, string.IsNullOrEmpty(tag) ? null : tag, digest);
    }
}
