namespace PolicyKit.Policies.Secrets;

/// <summary>Where a detector found a secret inside a text: the secret itself spans <c>Index</c> to <c>Index + Length</c>.</summary>
public readonly struct TokenMatch
{
    public TokenMatch(TokenDetector detector, int index, int length)
    {
        Detector = detector;
        Index = index;
        Length = length;
    }

    public TokenDetector Detector { get; }

    public int Index { get; }

    public int Length { get; }

    public int End => Index + Length;

    /// <summary>The secret's text. Only for masking and judging: never put it in a message.</summary>
    public string SecretIn(string text) => text.Substring(Index, Length);
}
