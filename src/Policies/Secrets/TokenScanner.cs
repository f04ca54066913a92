using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace PolicyKit.Policies.Secrets;

/// <summary>Runs the token detectors whose keywords occur in a text; the entry point for judging any value by its format.</summary>
public static class TokenScanner
{
    private static readonly KeywordIndex Index = new(TokenDetectors.All);

    /// <summary>Shorter values cannot hold any recognised format (the shortest, a password in a URL, needs <c>a://:p@h</c>).</summary>
    public const int MinimumLength = 8;

    /// <summary>
    /// The cheap test before a scan: whether <paramref name="text"/> is long enough and holds a keyword of any detector.
    /// False means <see cref="FindAll"/> finds nothing; callers judging many values skip the scan and its allocation.
    /// </summary>
    public static bool MayContainToken(string text) => text.Length >= MinimumLength && Index.Match(text) != 0;

    /// <summary>The first secret found in <paramref name="text"/>, by the most specific detector that finds one.</summary>
    public static bool TryFindFirst(string text, out TokenMatch match)
    {
        match = default;
        if (text.Length < MinimumLength)
        {
            return false;
        }

        var candidates = Index.Match(text);
        if (candidates == 0)
        {
            return false;
        }

        var detectors = TokenDetectors.All;
        for (var d = 0; d < detectors.Count; d++)
        {
            if ((candidates & (1UL << d)) != 0 && TryFind(detectors[d], text, 0, out match))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Every secret in <paramref name="text"/>, in order of position; overlapping finds keep the most specific.</summary>
    public static List<TokenMatch> FindAll(string text)
    {
        var found = new List<TokenMatch>();
        if (text.Length < MinimumLength)
        {
            return found;
        }

        var candidates = Index.Match(text);
        var detectors = TokenDetectors.All;
        for (var d = 0; candidates != 0 && d < detectors.Count; d++)
        {
            if ((candidates & (1UL << d)) == 0)
            {
                continue;
            }

            var start = 0;
            while (start < text.Length && TryFind(detectors[d], text, start, out var match))
            {
                if (!Overlaps(found, match))
                {
                    found.Add(match);
                }

                start = match.End;
            }
        }

        found.Sort((a, b) => a.Index.CompareTo(b.Index));
        return found;
    }

    private static bool TryFind(TokenDetector detector, string text, int start, out TokenMatch match)
    {
        try
        {
            return detector.TryFind(text, start, out match);
        }
        catch (RegexMatchTimeoutException)
        {
            // Patterns are linear; if hostile input ever exhausts one, judge the text without that format rather than
            // abort the whole run. The exception carries the input, so it is never rethrown or printed.
            match = default;
            return false;
        }
    }

    private static bool Overlaps(List<TokenMatch> found, TokenMatch candidate)
    {
        foreach (var existing in found)
        {
            if (candidate.Index < existing.End && existing.Index < candidate.End)
            {
                return true;
            }
        }

        return false;
    }
}
