using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace PolicyKit.Analyzers.Secrets;

/// <summary>
/// Reads the attribute values of a <c>web.config</c>/<c>app.config</c>-style file with their positions:
/// <c>&lt;add key="Smtp:Password" value="…"/&gt;</c> is judged under its <c>key</c>, connection strings under
/// <c>connectionString</c>, and any other attribute under its own name (<c>password="…"</c>).
/// </summary>
internal static class XmlConfigReader
{
    private static readonly Regex Element = new(@"<(?<name>[A-Za-z_][\w.:-]*)(?<attributes>[^<>]*?)/?>", RegexOptions.CultureInvariant, System.TimeSpan.FromSeconds(1));
    private static readonly Regex Attribute = new(@"(?<name>[A-Za-z_][\w.:-]*)\s*=\s*(?:""(?<value>[^""]*)""|'(?<value>[^']*)')", RegexOptions.CultureInvariant, System.TimeSpan.FromSeconds(1));

    public static List<SettingValue> Read(string text)
    {
        var values = new List<SettingValue>();
        foreach (Match element in Element.Matches(text))
        {
            var attributes = element.Groups["attributes"];
            string? key = null;
            var found = new List<Match>();
            foreach (Match attribute in Attribute.Matches(attributes.Value))
            {
                var name = attribute.Groups["name"].Value;
                if (name is "key" or "name")
                {
                    key = attribute.Groups["value"].Value;
                }

                found.Add(attribute);
            }

            foreach (var attribute in found)
            {
                var name = attribute.Groups["name"].Value;
                if (name is "key" or "name")
                {
                    continue;
                }

                var value = attribute.Groups["value"];
                var settingName = name == "value" && key is not null ? key : name;
                values.Add(new SettingValue(settingName, CredentialSymbols.LastKeySection(settingName), Unescape(value.Value), attributes.Index + value.Index, value.Length));
            }
        }

        return values;
    }

    private static string Unescape(string value) =>
        value.IndexOf('&') < 0 ? value : value.Replace("&quot;", "\"").Replace("&apos;", "'").Replace("&lt;", "<").Replace("&gt;", ">").Replace("&amp;", "&");
}
