using System;
using System.Collections.Generic;

namespace PolicyKit.Policies.Discovery.InProcessKustomize;

/// <summary>
/// The order go-yaml prints a map's string keys in (the order of <c>kubectl kustomize</c> output): letters compare by code
/// point, a letter sorts after a non-letter, and runs of digits compare as numbers, so <c>port9</c> precedes <c>port10</c>.
/// </summary>
internal sealed class GoYamlKeyOrder : IComparer<string>
{
    public static GoYamlKeyOrder Instance { get; } = new();

    public int Compare(string? x, string? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        if (x is null || y is null)
        {
            return x is null ? -1 : 1;
        }

        if (string.Equals(x, y, System.StringComparison.Ordinal))
        {
            return 0;
        }

        if (TryCompareAscii(x, y, out var order))
        {
            return order;
        }

        // Keys are short and almost always free of surrogate pairs: then each character is a code point and the
        // comparison needs no allocation (a sort compares every key many times).
        if (x.Length <= 256 && y.Length <= 256 && !HasSurrogate(x) && !HasSurrogate(y))
        {
            Span<int> a = stackalloc int[x.Length];
            Span<int> b = stackalloc int[y.Length];
            for (var i = 0; i < x.Length; i++)
            {
                a[i] = x[i];
            }

            for (var i = 0; i < y.Length; i++)
            {
                b[i] = y[i];
            }

            return Less(a, b) ? -1 : 1;
        }

        return Less(Runes(x), Runes(y)) ? -1 : 1;
    }

    /// <summary>
    /// Decides the common case directly: the first difference is between two ASCII characters of which neither is a
    /// digit (numbers compare by value, which the full comparison handles), or one key is a prefix of the other.
    /// </summary>
    private static bool TryCompareAscii(string x, string y, out int order)
    {
        var length = Math.Min(x.Length, y.Length);
        var i = 0;
        while (i < length && x[i] == y[i])
        {
            i++;
        }

        if (i == length)
        {
            order = x.Length < y.Length ? -1 : 1;
            return i == 0 || !IsDigit(x[i - 1]);
        }

        char a = x[i], b = y[i];
        order = 0;
        if (a >= 0x80 || b >= 0x80 || IsDigit(a) || IsDigit(b) || (i > 0 && IsDigit(x[i - 1])))
        {
            return false;
        }

        var aLetter = IsLetter(a);
        var bLetter = IsLetter(b);
        order = aLetter == bLetter ? (a < b ? -1 : 1) : (bLetter ? -1 : 1);
        return true;
    }

    private static bool HasSurrogate(string text)
    {
        foreach (var character in text)
        {
            if (char.IsSurrogate(character))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Less(ReadOnlySpan<int> a, ReadOnlySpan<int> b)
    {
        for (var i = 0; i < a.Length && i < b.Length; i++)
        {
            if (a[i] == b[i])
            {
                continue;
            }

            var aLetter = IsLetter(a[i]);
            var bLetter = IsLetter(b[i]);
            if (aLetter && bLetter)
            {
                return a[i] < b[i];
            }

            if (aLetter || bLetter)
            {
                return bLetter;
            }

            long aNumber = 0, bNumber = 0;
            if (a[i] == '0' || b[i] == '0')
            {
                // Inside a number that already had a non-zero digit, a zero is an ordinary digit.
                for (var j = i - 1; j >= 0 && IsDigit(a[j]); j--)
                {
                    if (a[j] != '0')
                    {
                        aNumber = 1;
                        bNumber = 1;
                        break;
                    }
                }
            }

            int aEnd, bEnd;
            for (aEnd = i; aEnd < a.Length && IsDigit(a[aEnd]); aEnd++)
            {
                aNumber = unchecked((aNumber * 10) + (a[aEnd] - '0'));
            }

            for (bEnd = i; bEnd < b.Length && IsDigit(b[bEnd]); bEnd++)
            {
                bNumber = unchecked((bNumber * 10) + (b[bEnd] - '0'));
            }

            if (aNumber != bNumber)
            {
                return aNumber < bNumber;
            }

            if (aEnd != bEnd)
            {
                return aEnd < bEnd;
            }

            return a[i] < b[i];
        }

        return a.Length < b.Length;
    }

    private static bool IsDigit(int rune) => rune is >= '0' and <= '9';

    private static bool IsLetter(int rune) => rune < 0x80
        ? rune is >= 'a' and <= 'z' or >= 'A' and <= 'Z'
        : char.IsLetter(char.ConvertFromUtf32(rune), 0);

    private static int[] Runes(string text)
    {
        var runes = new List<int>(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                runes.Add(char.ConvertToUtf32(text[i], text[i + 1]));
                i++;
            }
            else
            {
                runes.Add(text[i]);
            }
        }

        return runes.ToArray();
    }
}
