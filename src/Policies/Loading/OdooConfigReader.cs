using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using PolicyKit.Policies.Secrets;
using PolicyKit.Policies.Yaml;

namespace PolicyKit.Policies.Loading;

/// <summary>
/// Turns an Odoo configuration file (<c>*.conf</c> with an <c>[options]</c> section) into one synthetic resource, so
/// rules judge it like any manifest and findings point at its exact lines:
/// <c>apiVersion: policykit.io/v1</c>, <c>kind: OdooConfig</c>, <c>metadata.name</c> the file's path as reports show it,
/// and one mapping per section (<c>options.admin_passwd</c>). Values stay text, as Odoo reads them. A file of Odoo
/// options without the <c>[options]</c> header (<c>db_host = …</c>, <c>db_password = …</c>) is read as its options. Any
/// other <c>.conf</c> file (nginx, supervisord…) yields nothing and is not an input problem.
/// </summary>
public static class OdooConfigReader
{
    public const string ApiVersion = "policykit.io/v1";
    public const string Kind = "OdooConfig";
    public const string Extension = ".conf";

    /// <summary>Folder walks peek at most this much of a <c>.conf</c> file for its <c>[options]</c> header.</summary>
    private const int PeekBytes = 1024 * 1024;

    private static readonly HashSet<string> ReservedKeys = new(StringComparer.Ordinal) { "apiVersion", "kind", "metadata" };

    public static bool HasConfigExtension(string path) => path.EndsWith(Extension, StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether a file met while walking a folder is an Odoo configuration worth loading.</summary>
    public static bool IsOdooConfigFile(string path)
    {
        if (!HasConfigExtension(path))
        {
            return false;
        }

        try
        {
            using var stream = File.OpenRead(path);
            var buffer = new byte[(int)Math.Min(stream.Length, PeekBytes)];
            var read = 0;
            while (read < buffer.Length)
            {
                var count = stream.Read(buffer, read, buffer.Length - read);
                if (count == 0)
                {
                    break;
                }

                read += count;
            }

            var text = Encoding.UTF8.GetString(buffer, 0, read);
            return OdooConfigText.HasOptionsSection(text) || OdooConfigText.IsHeaderlessOptions(text);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // An unreadable .conf is most likely not Odoo's; a YAML file that cannot be read is reported instead.
            return false;
        }
    }

    public static void Read(string text, string displayPath, List<SourceDocument> documents)
    {
        var headerless = false;
        if (!OdooConfigText.HasOptionsSection(text))
        {
            // db_host = … / db_password = … without its [options] header: still written for Odoo, read as its options.
            headerless = OdooConfigText.IsHeaderlessOptions(text);
            if (!headerless)
            {
                return;
            }
        }

        var config = OdooConfigText.Parse(text, headerless);
        var header = config.Sections.Find(s => s.Name == OdooConfigText.OptionsSection) ?? config.Sections[0];
        var sections = new List<YamlEntry>();
        foreach (var section in config.Sections)
        {
            if (ReservedKeys.Contains(section.Name) || sections.Exists(e => e.Key.Value == section.Name))
            {
                continue;
            }

            var entries = new List<YamlEntry>();
            foreach (var option in config.Options)
            {
                if (option.Section == section.Name)
                {
                    entries.Add(new YamlEntry(
                        new ScalarNode(option.Key, false, option.Line + 1, option.KeyColumn + 1),
                        new ScalarNode(option.Value, false, option.Line + 1, option.ValueColumn + 1)));
                }
            }

            sections.Add(new YamlEntry(Text(section.Name, section), new MappingNode(entries, section.Line + 1, section.Column + 1)));
        }

        var root = new List<YamlEntry>
        {
            new(Text("apiVersion", header), Text(ApiVersion, header)),
            new(Text("kind", header), Text(Kind, header)),
            new(Text("metadata", header), new MappingNode(new[] { new YamlEntry(Text("name", header), Text(displayPath, header)) }, header.Line + 1, header.Column + 1)),
        };
        root.AddRange(sections);
        documents.Add(new SourceDocument(0, new MappingNode(root, header.Line + 1, header.Column + 1)));
    }

    /// <summary>Synthetic nodes sit on the section header, where a finding about the file as a whole belongs.</summary>
    private static ScalarNode Text(string value, OdooSection at) => new(value, false, at.Line + 1, at.Column + 1);
}
