using System;
using System.Collections.Generic;
using PolicyKit.Policies.CrossResource;
using PolicyKit.Policies.CrossResource.Facts;

namespace PolicyKit.Policies.Checks.Odoo;

/// <summary>
/// Reads Odoo server options from a container's command and arguments (<c>--workers=4</c>, <c>--workers 4</c>,
/// <c>--proxy-mode</c>, <c>--no-database-list</c>), mapped to the <c>odoo.conf</c> option they set. Odoo's flags use
/// dashes where the file uses underscores, with a few names of their own (<c>--db-filter</c> is <c>dbfilter</c>).
/// </summary>
internal static class OdooCommandLine
{
    // Flags that take no value: what they set the option to.
    private static readonly Dictionary<string, (string Option, string Value)> Switches = new(StringComparer.Ordinal)
    {
        ["--proxy-mode"] = ("proxy_mode", "True"),
        ["--no-database-list"] = ("list_db", "False"),
        ["--no-http"] = ("http_enable", "False"),
        ["--no-xmlrpc"] = ("http_enable", "False"),
        ["--without-demo"] = ("without_demo", "all"),
    };

    private static readonly Dictionary<string, string> Renamed = new(StringComparer.Ordinal)
    {
        ["db_filter"] = "dbfilter",
        ["longpolling_port"] = "gevent_port",
        ["xmlrpc_port"] = "http_port",
        ["config"] = "config",
        ["c"] = "config",
        ["D"] = "data_dir",
        ["p"] = "http_port",
        ["r"] = "db_user",
        ["w"] = "db_password",
        ["d"] = "db_name",
        ["database"] = "db_name",
    };

    /// <summary>Every option the command line sets, with the token that sets it and the value it gives.</summary>
    public static IReadOnlyList<(string Option, WrittenValue Written, string Value)> Read(IEnumerable<WrittenValue> commandLine)
    {
        var found = new List<(string Option, WrittenValue Written, string Value)>();
        var tokens = new List<WrittenValue>(commandLine);
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i].Value.Trim();
            if (Switches.TryGetValue(token, out var flag))
            {
                found.Add((flag.Option, tokens[i], flag.Value));
                continue;
            }

            if (!token.StartsWith("-", StringComparison.Ordinal) || token == "-" || token == "--")
            {
                continue;
            }

            var name = token.TrimStart('-');
            string? value = null;
            var equals = name.IndexOf('=');
            if (equals >= 0)
            {
                value = name.Substring(equals + 1);
                name = name.Substring(0, equals);
            }
            else if (i + 1 < tokens.Count && !tokens[i + 1].Value.StartsWith("-", StringComparison.Ordinal))
            {
                value = tokens[i + 1].Value;
            }

            if (value is null)
            {
                continue;
            }

            var option = token.StartsWith("--", StringComparison.Ordinal) ? name.Replace('-', '_') : name;
            if (Renamed.TryGetValue(option, out var renamed))
            {
                option = renamed;
            }
            else if (!token.StartsWith("--", StringComparison.Ordinal))
            {
                continue;
            }

            found.Add((option, tokens[i], value));
        }

        return found;
    }
}
