using System.Collections.Generic;

namespace PolicyKit.Policies.Secrets;

/// <summary>
/// Recognises one format of secret inside any text: a fixed prefix (<c>ghp_</c>, <c>AKIA</c>), a structure (a PEM
/// private key, a JWT) or a password embedded in a URL or connection string. A detector only runs on text that holds
/// one of its <see cref="Keywords"/>, which the <see cref="TokenScanner"/> finds in a single pass; its regular
/// expression is compiled once, when the detector is created.
/// </summary>
public abstract class TokenDetector
{
    protected TokenDetector(string id, string description, IReadOnlyList<string> keywords)
    {
        Id = id;
        Description = description;
        Keywords = keywords;
    }

    /// <summary>Stable identifier reported as the finding's <c>secretType</c>, e.g. <c>github-token</c>.</summary>
    public string Id { get; }

    /// <summary>How the secret reads in a message: "a GitHub token".</summary>
    public string Description { get; }

    /// <summary>Text that every match contains (compared without regard to case); the prefilter.</summary>
    public IReadOnlyList<string> Keywords { get; }

    /// <summary>Finds the first secret of this format at or after <paramref name="start"/>.</summary>
    /// <returns>False when there is none; <paramref name="match"/> then holds nothing.</returns>
    public abstract bool TryFind(string text, int start, out TokenMatch match);
}
