namespace PolicyKit.Policies.Secrets;

/// <summary>
/// The cheap test before any name is split into words or any line is matched: does the text contain a word that
/// credential names are made of (<c>pass</c>, <c>pw</c>, <c>secret</c>, <c>token</c>, <c>key</c>, <c>cred</c>,
/// <c>auth</c>)? One pass, no allocation; most keys and values of a manifest fail it at once.
/// </summary>
public static class CredentialStems
{
    public static bool OccurIn(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            switch (text[i] | 0x20)
            {
                case 'p' when At(text, i, "pw") || At(text, i, "pass"):
                case 's' when At(text, i, "secret"):
                case 't' when At(text, i, "token"):
                case 'k' when At(text, i, "key"):
                case 'c' when At(text, i, "cred"):
                case 'a' when At(text, i, "auth"):
                    return true;
            }
        }

        return false;
    }

    /// <summary>Whether <paramref name="stem"/> (lower case) occurs at <paramref name="index"/>, ignoring ASCII case.</summary>
    private static bool At(string text, int index, string stem)
    {
        if (index + stem.Length > text.Length)
        {
            return false;
        }

        for (var j = 0; j < stem.Length; j++)
        {
            var c = text[index + j];
            if ((c >= 'A' && c <= 'Z' ? (char)(c | 0x20) : c) != stem[j])
            {
                return false;
            }
        }

        return true;
    }
}
