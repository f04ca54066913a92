using System.Collections.Generic;

namespace PolicyKit.Policies.Loading;

/// <summary>What reading one source produced: the documents that parsed and the located problems.</summary>
public sealed record LoadedManifest(ManifestSource Source, IReadOnlyList<SourceDocument> Documents, IReadOnlyList<InputProblem> Problems)
{
    /// <summary>The decoded text the documents were read from, or null when it could not be decoded.</summary>
    internal string? Text { get; init; }
}
