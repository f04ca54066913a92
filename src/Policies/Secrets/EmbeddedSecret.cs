namespace PolicyKit.Policies.Secrets;

/// <summary>A secret inside a multi-line text (an embedded file): its 0-based line and column in that text, and what it is.</summary>
public readonly struct EmbeddedSecret
{
    public EmbeddedSecret(int line, int column, int offset, JudgedSecret secret, string value)
    {
        Line = line;
        Column = column;
        Offset = offset;
        Secret = secret;
        Value = value;
    }

    public int Line { get; }

    public int Column { get; }

    /// <summary>The 0-based index of the secret in the whole scanned text.</summary>
    public int Offset { get; }

    public JudgedSecret Secret { get; }

    /// <summary>The secret's text. Only for masking: never put it in a message.</summary>
    public string Value { get; }
}
