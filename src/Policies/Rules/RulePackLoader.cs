using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using PolicyKit.Policies.Checks;
using PolicyKit.Policies.Loading;
using PolicyKit.Policies.Yaml;

namespace PolicyKit.Policies.Rules;

/// <summary>Reads a pack folder's <c>pack.yaml</c> and rule files, validating every field with a located error.</summary>
public static class RulePackLoader
{
    private static readonly Regex RuleIdPattern = new("^PK[0-9]{4}$", RegexOptions.Compiled);

    private static readonly HashSet<string> RuleKeys = new(StringComparer.Ordinal)
    {
        "id", "title", "category", "severity", "since", "check", "params", "match", "message",
        "rationale", "remediation", "upstreamControl", "examples", "exampleNote", "profiles",
    };

    /// <summary>Loads one pack; <paramref name="origin"/> is how errors name its folder, e.g. <c>rules/core</c>.</summary>
    public static RulePack Load(string origin, IReadOnlyList<PackFile> files) => Load(origin, files, deferExamples: false);

    /// <summary>
    /// With <paramref name="deferExamples"/>, each rule's <c>examples</c> (about 70 % of the built-in packs' bytes) are
    /// read only when asked for (<c>explain</c>, the docs, the example tests), not on every gate start. Only for the
    /// built-in packs, whose examples the tests validate: a user's pack is validated whole when it is loaded.
    /// </summary>
    internal static RulePack Load(string origin, IReadOnlyList<PackFile> files, bool deferExamples)
    {
        var ordered = files.OrderBy(f => f.RelativePath, StringComparer.Ordinal).ToList();
        var manifest = ordered.FirstOrDefault(f => f.RelativePath == "pack.yaml")
            ?? throw new PolicyDefinitionException(origin + "/pack.yaml", 1, "the pack has no pack.yaml");

        var packFile = origin + "/pack.yaml";
        var pack = ReadMapping(packFile, manifest.Content);
        var name = RequiredString(pack, "name", packFile);
        var versionText = RequiredString(pack, "version", packFile);
        if (!SemanticVersion.TryParse(versionText, out var version))
        {
            throw new PolicyDefinitionException(packFile, pack.Get("version")!.Line, $"version '{versionText}' is not a semantic version");
        }

        var rules = new List<Rule>();
        foreach (var file in ordered)
        {
            if (file.RelativePath != "pack.yaml" && file.RelativePath.EndsWith(".yaml", StringComparison.Ordinal))
            {
                rules.Add(ReadRule(origin + "/" + file.RelativePath, file.RelativePath, file.Content, version, deferExamples));
            }
        }

        var duplicate = rules.GroupBy(r => r.Id).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new PolicyDefinitionException(origin + "/" + duplicate.Last().SourceFile, 1, $"rule id {duplicate.Key} is used by more than one rule file");
        }

        rules.Sort((a, b) => string.CompareOrdinal(a.Id, b.Id));
        var docsBaseUri = pack.GetString("docsBaseUri");
        return new RulePack(name, version, pack.GetString("description") ?? string.Empty, docsBaseUri, Hash(ordered), rules, ReadChangelog(pack));
    }

    private static Rule ReadRule(string file, string relativePath, byte[] content, SemanticVersion packVersion, bool deferExamples)
    {
        var root = ReadMapping(file, deferExamples ? RuleExamplesText.Blanked(content) : content);
        foreach (var entry in root.Entries)
        {
            if (!RuleKeys.Contains(entry.Key.Value))
            {
                throw new PolicyDefinitionException(file, entry.Key.Line, $"unknown rule field '{entry.Key.Value}'");
            }
        }

        var id = RequiredString(root, "id", file);
        if (!RuleIdPattern.IsMatch(id))
        {
            throw new PolicyDefinitionException(file, root.Get("id")!.Line, $"rule id '{id}' must be PK followed by four digits");
        }

        var category = RequiredString(root, "category", file);
        if (!Categories.IsKnown(category))
        {
            throw new PolicyDefinitionException(file, root.Get("category")!.Line, $"category '{category}' is not one of {string.Join(", ", Categories.All)}");
        }

        var severityText = RequiredString(root, "severity", file);
        if (!Severities.TryParse(severityText, out var severity))
        {
            throw new PolicyDefinitionException(file, root.Get("severity")!.Line, $"severity '{severityText}' must be critical, high, medium, low or info");
        }

        var since = RequiredString(root, "since", file);
        if (!SemanticVersion.TryParse(since, out var sinceVersion) || sinceVersion.CompareTo(packVersion) > 0)
        {
            throw new PolicyDefinitionException(file, root.Get("since")!.Line, $"since '{since}' must be a pack version no newer than {packVersion}");
        }

        var checkName = RequiredString(root, "check", file);
        var paramsNode = root.Get("params");
        if (paramsNode is not null and not MappingNode and not ScalarNode { IsNull: true })
        {
            throw new PolicyDefinitionException(file, paramsNode.Line, "params must be a mapping");
        }

        var parameters = new CheckParameters(paramsNode as MappingNode, file, root.Get("check")!.Line);
        if (!CheckRegistry.TryCreate(checkName, parameters, out var check))
        {
            throw new PolicyDefinitionException(file, root.Get("check")!.Line, $"unknown check '{checkName}'; known checks: {string.Join(", ", CheckRegistry.Names.OrderBy(n => n, StringComparer.Ordinal))}");
        }

        var message = new MessageTemplate(RequiredString(root, "message", file));
        Lazy<IReadOnlyList<RuleExample>> examples;
        if (deferExamples)
        {
            examples = new Lazy<IReadOnlyList<RuleExample>>(() => ReadExamples(ReadMapping(file, content), file, check is InputCheck));
        }
        else
        {
            var read = ReadExamples(root, file, check is InputCheck);
            examples = new Lazy<IReadOnlyList<RuleExample>>(() => read);
        }

        return new Rule(
            id,
            RequiredString(root, "title", file),
            category,
            severity,
            since,
            checkName,
            check,
            ReadMatch(root.GetMapping("match")),
            message,
            Collapse(RequiredString(root, "rationale", file)),
            Collapse(RequiredString(root, "remediation", file)),
            root.GetString("upstreamControl"),
            examples,
            relativePath,
            SummariseParameters(paramsNode as MappingNode))
        {
            Profiles = ReadProfiles(root.Get("profiles"), file),
        };
    }

    private static IReadOnlyList<string> ReadProfiles(YamlNode? node, string file)
    {
        var profiles = new List<string>();
        var items = node switch
        {
            null or ScalarNode { IsNull: true } => Array.Empty<YamlNode>(),
            SequenceNode sequence => sequence.Items,
            _ => throw new PolicyDefinitionException(file, node.Line, $"profiles must be a list of {Configuration.HostingProfiles.Choices}"),
        };
        foreach (var item in items)
        {
            if (item is not ScalarNode { IsNull: false } scalar || !Configuration.HostingProfiles.IsKnown(scalar.Value))
            {
                throw new PolicyDefinitionException(file, item.Line, $"profile '{(item as ScalarNode)?.Value}' is not one of {Configuration.HostingProfiles.Choices}");
            }

            profiles.Add(scalar.Value);
        }

        return profiles;
    }

    private static IReadOnlyList<KeyValuePair<string, string>> SummariseParameters(MappingNode? parameters)
    {
        var summary = new List<KeyValuePair<string, string>>();
        foreach (var entry in parameters?.Entries ?? Array.Empty<YamlEntry>())
        {
            summary.Add(new KeyValuePair<string, string>(entry.Key.Value, Describe(entry.Value)));
        }

        return summary;
    }

    private static string Describe(YamlNode node) => node switch
    {
        ScalarNode scalar => scalar.Value,
        SequenceNode sequence when sequence.Items.All(i => i is ScalarNode) => "[" + string.Join(", ", sequence.Items.Cast<ScalarNode>().Select(s => s.Value)) + "]",
        SequenceNode sequence => $"{sequence.Items.Count} entries (see the rule file)",
        _ => "a mapping (see the rule file)",
    };

    private static RuleMatch ReadMatch(MappingNode? match)
    {
        if (match is null)
        {
            return RuleMatch.Everything;
        }

        return new RuleMatch(StringList(match.Get("kinds")), StringList(match.Get("excludeKinds")));
    }

    private static IReadOnlyList<RuleExample> ReadExamples(MappingNode root, string file, bool isInputRule)
    {
        var examples = new List<RuleExample>();
        var node = root.GetMapping("examples") ?? throw new PolicyDefinitionException(file, root.Line, "a rule must carry examples (pass and fail)");
        foreach (var (key, mustFail) in new[] { ("pass", false), ("fail", true) })
        {
            if (node.GetSequence(key) is not { } list)
            {
                continue;
            }

            foreach (var item in list.Items)
            {
                if (item is not MappingNode example || example.GetScalar("manifest") is not { } manifest)
                {
                    throw new PolicyDefinitionException(file, item.Line, "each example needs a 'manifest'");
                }

                examples.Add(new RuleExample(
                    mustFail,
                    example.GetString("description") ?? string.Empty,
                    manifest.Value,
                    OptionalInt(example, "findings", file),
                    OptionalInt(example, "line", file),
                    item.Line)
                {
                    Policy = example.GetString("policy"),
                    Evidence = example.GetString("evidence"),
                    Environment = example.GetString("environment"),
                });
            }
        }

        var hasPass = examples.Exists(e => !e.MustFail);
        var hasFail = examples.Exists(e => e.MustFail);
        var mayLackFailing = isInputRule && root.GetString("exampleNote") is not null;
        if (!hasPass || !(hasFail || mayLackFailing))
        {
            throw new PolicyDefinitionException(file, node.Line, "a rule needs at least one passing and one failing example");
        }

        return examples;
    }

    private static IReadOnlyList<PackChange> ReadChangelog(MappingNode pack)
    {
        var changes = new List<PackChange>();
        foreach (var item in pack.GetSequence("changelog")?.Items ?? Array.Empty<YamlNode>())
        {
            if (item is MappingNode entry && entry.GetString("version") is { } version)
            {
                changes.Add(new PackChange(version, StringList(entry.Get("changes"))));
            }
        }

        return changes;
    }

    private static int? OptionalInt(MappingNode node, string key, string file)
    {
        var text = node.GetString(key);
        if (text is null)
        {
            return null;
        }

        return int.TryParse(text, out var value) ? value : throw new PolicyDefinitionException(file, node.Get(key)!.Line, $"'{key}' must be a whole number");
    }

    private static IReadOnlyList<string> StringList(YamlNode? node) => node switch
    {
        SequenceNode sequence => sequence.Items.OfType<ScalarNode>().Select(s => s.Value).ToList(),
        ScalarNode { IsNull: false } scalar => new[] { scalar.Value },
        _ => Array.Empty<string>(),
    };

    private static string RequiredString(MappingNode node, string key, string file) =>
        node.GetString(key) is { Length: > 0 } value ? value : throw new PolicyDefinitionException(file, node.Line, $"'{key}' is required");

    /// <summary>Folded YAML text keeps a trailing newline; reports want one clean paragraph.</summary>
    private static string Collapse(string text) => Regex.Replace(text.Trim(), @"\s*\n\s*", " ");

    private static MappingNode ReadMapping(string file, byte[] content)
    {
        var loaded = ManifestLoader.Load(ManifestSource.FromBytes(file, content), LoaderLimits.Default);
        if (loaded.Problems.Count > 0)
        {
            var problem = loaded.Problems[0];
            throw new PolicyDefinitionException(file, problem.Line, problem.Detail);
        }

        return loaded.Documents.Count == 1 && loaded.Documents[0].Root is MappingNode mapping
            ? mapping
            : throw new PolicyDefinitionException(file, 1, "expected a single YAML mapping");
    }

    private static string Hash(IReadOnlyList<PackFile> files)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in files)
        {
            // Line endings are normalised so a Windows checkout (autocrlf) yields the same pack hash.
            var text = Encoding.UTF8.GetString(file.Content).Replace("\r\n", "\n");
            hash.AppendData(Encoding.UTF8.GetBytes(file.RelativePath + "\0" + text + "\0"));
        }

        var digest = hash.GetHashAndReset();
        var hex = new StringBuilder(digest.Length * 2);
        foreach (var b in digest)
        {
            hex.Append(b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
        }

        return hex.ToString();
    }
}
