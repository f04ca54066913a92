using System;

namespace PolicyKit.Policies.Loading;

/// <summary>
/// One string per short scalar text: manifests repeat the same keys and many of the same values (<c>name</c>,
/// <c>image</c>, <c>TCP</c>, label keys) in every file, so reading them gives the same string instead of a new one. That
/// saves most of a reader's string allocations and lets facts that outlive their file share their text. The table is
/// per thread and of fixed size; a text takes its slot from whatever held it, so the pool follows the vocabulary of the
/// files being read.
/// </summary>
internal sealed class ScalarTextPool
{
    public const int MaxPooledLength = 48;

    private const int Size = 8192;

    [ThreadStatic]
    private static ScalarTextPool? current;

    private readonly string?[] slots = new string?[Size];

    /// <summary>The pool of the calling thread.</summary>
    public static ScalarTextPool Current => current ??= new ScalarTextPool();

    /// <summary>The text of <paramref name="length"/> characters at <paramref name="start"/> of <paramref name="text"/>.</summary>
    public string Get(string text, int start, int length)
    {
        if (length == 0)
        {
            return string.Empty;
        }

        if (length > MaxPooledLength)
        {
            return text.Substring(start, length);
        }

        var hash = 2166136261u;
        for (var i = start; i < start + length; i++)
        {
            hash = (hash ^ text[i]) * 16777619u;
        }

        var slot = (int)(hash & (Size - 1));
        var pooled = slots[slot];
        if (pooled is not null && pooled.Length == length && string.CompareOrdinal(pooled, 0, text, start, length) == 0)
        {
            return pooled;
        }

        var created = text.Substring(start, length);
        slots[slot] = created;
        return created;
    }
}
