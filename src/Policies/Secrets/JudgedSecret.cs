namespace PolicyKit.Policies.Secrets;

/// <summary>
/// A secret found in a value: what it is (<c>Type</c>, e.g. <c>weak-password</c> or <c>github-token</c>, and how that
/// reads in a message) and where it sits inside the judged text.
/// </summary>
public readonly struct JudgedSecret
{
    public JudgedSecret(string type, string description, int index, int length, string? name = null)
    {
        Type = type;
        Description = description;
        Index = index;
        Length = length;
        Name = name;
    }

    /// <summary>Stable identifier reported as the finding's <c>secretType</c> property.</summary>
    public string Type { get; }

    /// <summary>"a weak password", "a GitHub token".</summary>
    public string Description { get; }

    public int Index { get; }

    public int Length { get; }

    /// <summary>The setting that holds the secret (<c>DB_PASSWORD</c>), or null when it was found by its format alone.</summary>
    public string? Name { get; }

    public bool IsFound => Type is not null;

    /// <summary>The secret's text. Only for masking: never put it in a message.</summary>
    public string SecretIn(string text) => text.Substring(Index, Length);

    public static JudgedSecret FromToken(TokenMatch match) => new(match.Detector.Id, match.Detector.Description, match.Index, match.Length);

    public JudgedSecret Shifted(int offset) => new(Type, Description, Index + offset, Length, Name);

    public JudgedSecret Named(string name) => new(Type, Description, Index, Length, name);
}
