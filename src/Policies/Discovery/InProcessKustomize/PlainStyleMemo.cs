using System;
using System.Runtime.CompilerServices;

namespace PolicyKit.Policies.Discovery.InProcessKustomize;

/// <summary>
/// Remembers, per string object, whether it prints plain (<see cref="KustomizeYamlWriter.CanBePlain"/>). Keys and many
/// values are the same string objects from object to object (the reader pools short texts), and deciding takes several
/// passes over the text, so a build asks once per string rather than once per occurrence. Per thread, fixed size; a
/// string that finds its slot taken by another is decided again.
/// </summary>
internal static class PlainStyleMemo
{
    private const int Size = 4096;

    [ThreadStatic]
    private static string?[]? texts;

    [ThreadStatic]
    private static bool[]? answers;

    public static bool CanBePlain(string text)
    {
        var memoTexts = texts ??= new string?[Size];
        var memoAnswers = answers ??= new bool[Size];
        var slot = RuntimeHelpers.GetHashCode(text) & (Size - 1);
        if (ReferenceEquals(memoTexts[slot], text))
        {
            return memoAnswers[slot];
        }

        var answer = KustomizeYamlWriter.CanBePlain(text);
        memoTexts[slot] = text;
        memoAnswers[slot] = answer;
        return answer;
    }
}
