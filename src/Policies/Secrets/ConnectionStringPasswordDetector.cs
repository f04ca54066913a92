using System.Text.RegularExpressions;

namespace PolicyKit.Policies.Secrets;

/// <summary>
/// A <c>Password=</c> or <c>Pwd=</c> field of a connection string: ADO.NET (<c>Server=db;User Id=odoo;Password=…</c>),
/// libpq key/value (<c>host=db user=odoo password=…</c>) or a JDBC/URL query (<c>?user=odoo&amp;password=…</c>). The line
/// must hold another <c>key=value</c> field, so a lone <c>password = …</c> line of a config file is left to the
/// name-based judgement, which reports it as the password it is.
/// </summary>
public sealed class ConnectionStringPasswordDetector : TokenDetector
{
    private static readonly Regex Pattern = TokenRegex.Create(
        @"(?<![A-Za-z0-9_.-])(?:[Pp]assword|PASSWORD|[Pp]wd|PWD)[ \t]*=[ \t]*(?:""(?<secret>[^""\r\n]{1,256})""|'(?<secret>[^'\r\n]{1,256})'|(?<secret>[^;\s""'&]{1,256}))");

    public ConnectionStringPasswordDetector()
        : base("connection-string-password", "a password in a connection string", new[] { "password=", "pwd=", "password =", "pwd =" })
    {
    }

    public override bool TryFind(string text, int start, out TokenMatch match)
    {
        for (var found = Pattern.Match(text, start); found.Success; found = found.NextMatch())
        {
            var secret = found.Groups["secret"];
            if (PlaceholderText.Classify(secret.Value) != SecretValueForm.Literal || LiteralValues.IsSwitch(secret.Value)
                || !LineHasAnotherField(text, found.Index, secret.Index + secret.Length))
            {
                continue;
            }

            match = new TokenMatch(this, secret.Index, secret.Length);
            return true;
        }

        match = default;
        return false;
    }

    private static bool LineHasAnotherField(string text, int fieldStart, int fieldEnd)
    {
        var lineStart = fieldStart;
        while (lineStart > 0 && text[lineStart - 1] != '\n')
        {
            lineStart--;
        }

        var lineEnd = fieldEnd;
        while (lineEnd < text.Length && text[lineEnd] != '\n')
        {
            lineEnd++;
        }

        for (var i = lineStart; i < lineEnd; i++)
        {
            if (text[i] == '=' && (i < fieldStart || i >= fieldEnd) && i > lineStart && char.IsLetter(text[i - 1]))
            {
                return true;
            }
        }

        return false;
    }
}
