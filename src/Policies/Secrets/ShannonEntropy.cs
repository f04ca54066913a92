using System;

namespace PolicyKit.Policies.Secrets;

/// <summary>
/// Shannon entropy in bits per character, judged against the character set the text is drawn from: a random hex string
/// cannot exceed 4 bits per character, so it is held to a lower bar than a random base64 string. Only candidate values
/// (a credential-like name, a plaintext Secret value) are measured; values found by a token's fixed prefix never are.
/// </summary>
public static class ShannonEntropy
{
    [ThreadStatic]
    private static int[]? counts;

    /// <summary>The entropy of <paramref name="text"/> in bits per character (0 for empty text).</summary>
    public static double BitsPerCharacter(string text)
    {
        if (text.Length == 0)
        {
            return 0;
        }

        var table = counts ??= new int[128];
        Array.Clear(table, 0, table.Length);
        var other = 0;
        foreach (var c in text)
        {
            if (c < 128)
            {
                table[c]++;
            }
            else
            {
                other++;
            }
        }

        double length = text.Length;
        var bits = 0.0;
        foreach (var count in table)
        {
            if (count > 0)
            {
                var p = count / length;
                bits -= p * Math.Log(p, 2);
            }
        }

        if (other > 0)
        {
            // Non-ASCII characters are rare in secrets; counting them as one symbol under-estimates, which is the safe side.
            var p = other / length;
            bits -= p * Math.Log(p, 2);
        }

        return bits;
    }

    /// <summary>
    /// Whether <paramref name="text"/> looks randomly generated for its character set and length: at least 16
    /// characters mixing letters and digits, and entropy above 3.0 bits per character for hex and 3.6 for other text.
    /// Random 16-character base64 measures about 3.8, English-like identifiers and kebab-case names about 3.0–3.4.
    /// </summary>
    public static bool LooksRandom(string text)
    {
        if (text.Length < 16 || !HasLetterAndDigit(text))
        {
            return false;
        }

        var entropy = BitsPerCharacter(text);
        return IsHex(text) ? entropy >= 3.0 : entropy >= 3.6;
    }

    /// <summary>Generated tokens mix letters and digits; words, names and prose rarely carry a digit.</summary>
    private static bool HasLetterAndDigit(string text)
    {
        var letter = false;
        var digit = false;
        foreach (var c in text)
        {
            letter |= char.IsLetter(c);
            digit |= char.IsDigit(c);
        }

        return letter && digit;
    }

    public static bool IsHex(string text)
    {
        foreach (var c in text)
        {
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')))
            {
                return false;
            }
        }

        return text.Length > 0;
    }
}
