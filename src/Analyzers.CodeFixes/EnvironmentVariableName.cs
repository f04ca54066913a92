using System.Text;

namespace PolicyKit.Analyzers.CodeFixes;

/// <summary>The environment variable a credential is read from, named after the symbol or key: <c>dbPassword</c> → <c>DB_PASSWORD</c>, <c>Odoo:Password</c> → <c>ODOO__PASSWORD</c>.</summary>
internal static class EnvironmentVariableName
{
    public static string For(string name)
    {
        var builder = new StringBuilder(name.Length + 8);
        var trimmed = name.TrimStart('_', '@');
        for (var i = 0; i < trimmed.Length; i++)
        {
            var c = trimmed[i];
            if (c == ':')
            {
                // Configuration binding reads Odoo__Password as the key Odoo:Password.
                builder.Append("__");
                continue;
            }

            if (!char.IsLetterOrDigit(c))
            {
                if (builder.Length > 0 && builder[builder.Length - 1] != '_')
                {
                    builder.Append('_');
                }

                continue;
            }

            if (char.IsUpper(c) && i > 0 && (char.IsLower(trimmed[i - 1]) || (i + 1 < trimmed.Length && char.IsLower(trimmed[i + 1]) && char.IsUpper(trimmed[i - 1])))
                && builder.Length > 0 && builder[builder.Length - 1] != '_')
            {
                builder.Append('_');
            }

            builder.Append(char.ToUpperInvariant(c));
        }

        return builder.ToString();
    }
}
