using System;
using System.Collections.Generic;

namespace PolicyKit.Policies.Secrets;

/// <summary>
/// The prefilter: finds which detectors' keywords occur in a text in one pass over it, comparing without regard to
/// case and allocating nothing. Most manifest values (names, images, ports, quantities) contain no keyword, so no
/// regular expression ever runs on them.
/// </summary>
internal sealed class KeywordIndex
{
    private readonly Entry[]?[] byFirstCharacter = new Entry[]?[128];
    private readonly int shortest;

    public KeywordIndex(IReadOnlyList<TokenDetector> detectors)
    {
        if (detectors.Count > 64 || HasSingleCharacterKeyword(detectors))
        {
            throw new ArgumentException("the keyword index holds at most 64 detectors, each keyword at least two characters long", nameof(detectors));
        }

        var lists = new List<Entry>?[128];
        shortest = int.MaxValue;
        for (var d = 0; d < detectors.Count; d++)
        {
            foreach (var keyword in detectors[d].Keywords)
            {
                var first = char.ToLowerInvariant(keyword[0]);
                (lists[first] ??= new List<Entry>()).Add(new Entry(keyword, 1UL << d));
                shortest = Math.Min(shortest, keyword.Length);
            }
        }

        for (var c = 0; c < lists.Length; c++)
        {
            byFirstCharacter[c] = lists[c]?.ToArray();
        }
    }

    /// <summary>A bit per detector (by its index) whose keyword occurs in <paramref name="text"/>.</summary>
    public ulong Match(string text)
    {
        ulong found = 0;
        var last = text.Length - shortest;
        for (var i = 0; i <= last; i++)
        {
            var c = Lower(text[i]);
            if (c >= 128 || byFirstCharacter[c] is not { } entries)
            {
                continue;
            }

            var next = i + 1 < text.Length ? Lower(text[i + 1]) : '\0';
            foreach (var entry in entries)
            {
                // Comparing the second character first turns most candidate positions down without a call.
                if ((found & entry.Mask) == 0
                    && entry.Second == next
                    && i + entry.Keyword.Length <= text.Length
                    && string.Compare(text, i, entry.Keyword, 0, entry.Keyword.Length, StringComparison.OrdinalIgnoreCase) == 0)
                {
                    found |= entry.Mask;
                }
            }
        }

        return found;
    }

    private static bool HasSingleCharacterKeyword(IReadOnlyList<TokenDetector> detectors)
    {
        foreach (var detector in detectors)
        {
            foreach (var keyword in detector.Keywords)
            {
                if (keyword.Length < 2)
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static char Lower(char c) => c >= 'A' && c <= 'Z' ? (char)(c + 32) : c;

    private readonly struct Entry
    {
        public Entry(string keyword, ulong mask)
        {
            Keyword = keyword;
            Mask = mask;
            Second = keyword.Length > 1 ? Lower(keyword[1]) : '\0';
        }

        public string Keyword { get; }

        /// <summary>The keyword's second character, lower-cased.</summary>
        public char Second { get; }

        public ulong Mask { get; }
    }
}
