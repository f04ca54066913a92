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

    /// <summary>Option names only Odoo uses; two of them make a section-less <c>key = value</c> file an Odoo configuration.</summary>
    private static readonly HashSet<string> DistinctiveOptions = new(StringComparer.OrdinalIgnoreCase)
    {
        "admin_passwd", "db_host", "db_port", "db_user", "db_password", "db_name", "dbfilter", "db_maxconn", "db_template",
        "addons_path", "data_dir", "xmlrpc_port", "xmlrpc_interface", "http_port", "http_interface", "longpolling_port",
        "gevent_port", "list_db", "proxy_mode", "without_demo", "limit_time_cpu", "limit_time_real", "limit_memory_hard",
        "limit_memory_soft", "max_cron_threads", "server_wide_modules", "smtp_password", "smtp_user", "smtp_server",
    };

    /// <summary>
    /// Whether the text is an Odoo configuration written without its <c>[options]</c> header: no section at all, every
    /// line a comment or <c>key = value</c>, and at least two options only Odoo uses (<c>db_host</c>, <c>db_password</c>).
    /// Odoo refuses such a file, but it was written for Odoo and whatever credentials it holds are committed all the same.
    /// </summary>
    public static bool IsHeaderlessOptions(string text)
    {
        var distinctive = 0;
        var start = 0;
        while (start < text.Length)
        {
            var newline = text.IndexOf('\n', start);
            var end = newline < 0 ? text.Length : newline;
            var line = text.Substring(start, end - start).Trim();
            start = end + 1;
            if (line.Length == 0 || line[0] == ';' || line[0] == '#')
            {
                continue;
            }

            var equals = line.IndexOf('=');
            if (line[0] == '[' || equals <= 0)
            {
                return false;
            }

            var key = line.Substring(0, equals).TrimEnd();
            foreach (var c in key)
            {
                if (!(char.IsLetterOrDigit(c) || c == '_' || c == '.'))
                {
                    return false;
                }
            }

            if (DistinctiveOptions.Contains(key))
            {
                distinctive++;
            }
        }

        return distinctive >= 2;
    }

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
    public static OdooConfigDocument Parse(string text) => Parse(text, headerless: false);

    /// <summary>As <see cref="Parse(string)"/>; with <paramref name="headerless"/>, lines before any header belong to <c>[options]</c>.</summary>
    public static OdooConfigDocument Parse(string text, bool headerless)
    {
        var document = new OdooConfigDocument();
        string? section = null;
        if (headerless)
        {
            section = OptionsSection;
            document.Sections.Add(new OdooSection(section, 0, 0));
        }

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
