namespace PolicyKit.Policies.Checks.Secrets;

/// <summary>Builds field paths: fixed-schema keys joined with dots, any other key in brackets (<c>data[tls.key]</c>).</summary>
internal static class FieldPath
{
    public static string Append(string path, string key)
    {
        var segment = IsIdentifier(key) ? key : "[" + key + "]";
        return path.Length == 0 ? segment : segment[0] == '[' ? path + segment : path + "." + segment;
    }

    /// <summary>
    /// A setting found inside a text value (<c>password=…</c> in a script), always in brackets so that it never reads as a
    /// field of the resource: <c>spec.values[db_password]</c>.
    /// </summary>
    public static string AppendSetting(string path, string setting) => path + "[" + setting + "]";

    public static bool IsIdentifier(string key)
    {
        if (key.Length == 0 || !(char.IsLetter(key[0]) || key[0] == '_'))
        {
            return false;
        }

        foreach (var c in key)
        {
            if (!(char.IsLetterOrDigit(c) || c == '_' || c == '-'))
            {
                return false;
            }
        }

        return true;
    }
}
