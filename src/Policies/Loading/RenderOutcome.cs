using System.Collections.Generic;
using System.Text;

namespace PolicyKit.Policies.Loading;

/// <summary>What rendering a source gave: its text, or the problem that stopped it.</summary>
internal sealed class RenderOutcome
{
    private static readonly UTF8Encoding Utf8 = new(false);

    private byte[]? bytes;

    public RenderOutcome(byte[]? bytes, InputProblem? problem)
    {
        this.bytes = bytes;
        Problem = problem;
    }

    private RenderOutcome(string text, IReadOnlyList<SourceDocument>? documents)
    {
        Text = text;
        Documents = documents;
    }

    /// <summary>The rendered bytes; for a text built in process, encoded only when something asks for bytes.</summary>
    public byte[]? Bytes => bytes ??= Text is null ? null : Utf8.GetBytes(Text);

    /// <summary>
    /// The text, when the render was built in process: the loader reads it as it is, rather than encoding it to UTF-8 and
    /// decoding it again (a fifth of a large check's allocations).
    /// </summary>
    public string? Text { get; }

    /// <summary>
    /// The documents the loader would read from <see cref="Text"/>, built while it was written; null when the text must
    /// be read like any other.
    /// </summary>
    public IReadOnlyList<SourceDocument>? Documents { get; }

    public InputProblem? Problem { get; }

    public static RenderOutcome FromText(string text, IReadOnlyList<SourceDocument>? documents = null) => new(text, documents);
}
