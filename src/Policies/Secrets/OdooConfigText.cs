using System;
using System.Collections.Generic;

namespace PolicyKit.Policies.Secrets;

/// <summary>
/// Reads Odoo's configuration format the way Odoo does (Python's <c>ConfigParser</c>): <c>[section]</c> headers,
/// <c>key = value</c> or <c>key: value</c> lines, whole-line comments starting with <c>;</c> or <c>#</c>, no inline
/// comments, keys lower-cased. A text is an Odoo configuration when it has an <c>[options]</c> section.
/// </summary>
public static class OdooConfigText
{
    public const string OptionsSection = "options";

    /// <summary>Options Odoo itself reads as credentials; any other option is judged by its name.</summary>
    public static readonly IReadOnlyList<string> CredentialOptions = new[] { "admin_passwd", "db_password", "smtp_password" };

    public const string MasterPasswordOption = "admin_passwd";

    /// <summary>Whether the text holds an <c>[options]</c> section header on a line of its own.</summary>
    public static bool HasOptionsSection(string text)
    {
        var at = 0;
        while ((at = text.IndexOf("[options]", at, StringComparison.OrdinalIgnoreCase)) >= 0)
        {
            if (IsAlone(text, at, "[options]".Length))
            {
                return true;
            }

            at++;
        }

        return false;
    }

    /// <summary>Every option of every section, and where each section header is, in file order.</summary>
    public static OdooConfigDocument Parse(string text)
    {
        var document = new OdooConfigDocument();
        string? section = null;
        var lineNumber = 0;
        var start = 0;
        while (start <= text.Length)
        {
            var newline = text.IndexOf('\n', start);
            var end = newline < 0 ? text.Length : newline;
            var line = text.Substring(start, end - start).TrimEnd('\r');
            ReadLine(line, lineNumber, ref section, document);
            if (newline < 0)
            {
                break;
            }

            start = newline + 1;
            lineNumber++;
        }

        return document;
    }

    /// <summary>Odoo treats these as "not set": the option falls back to its default or the command line.</summary>
    public static bool IsUnset(string value) =>
        value.Length == 0 || value.Equals("False", StringComparison.Ordinal) || value.Equals("None", StringComparison.Ordinal);

    private static void ReadLine(string line, int lineNumber, ref string? section, OdooConfigDocument document)
    {
        var indent = 0;
        while (indent < line.Length && (line[indent] == ' ' || line[indent] == '\t'))
        {
            indent++;
        }

        if (indent == line.Length || line[indent] == ';' || line[indent] == '#')
        {
            return;
        }

        if (line[indent] == '[')
        {
            var close = line.IndexOf(']', indent + 1);
            if (close > indent + 1)
            {
                section = line.Substring(indent + 1, close - indent - 1).Trim();
                document.Sections.Add(new OdooSection(section, lineNumber, indent));
            }

            return;
        }

        if (section is null)
        {
            return;
        }

        var delimiter = line.IndexOfAny(new[] { '=', ':' }, indent);
        if (delimiter <= indent)
        {
            return;
        }

        var key = line.Substring(indent, delimiter - indent).TrimEnd();
        var valueStart = delimiter + 1;
        while (valueStart < line.Length && (line[valueStart] == ' ' || line[valueStart] == '\t'))
        {
            valueStart++;
        }

        var value = line.Substring(valueStart).TrimEnd();
        document.Options.Add(new OdooOption(section, key.ToLowerInvariant(), lineNumber, indent, value, valueStart));
    }

    private static bool IsAlone(string text, int at, int length)
    {
        for (var i = at - 1; i >= 0 && text[i] != '\n'; i--)
        {
            if (text[i] != ' ' && text[i] != '\t')
            {
                return false;
            }
        }

        for (var i = at + length; i < text.Length && text[i] != '\n'; i++)
        {
            if (text[i] != ' ' && text[i] != '\t' && text[i] != '\r')
            {
                return false;
            }
        }

        return true;
    }
}
