using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;

namespace PolicyKit.Policies.Rules;

/// <summary>The rule packs available to an evaluation: those built into the engine, plus any loaded from folders.</summary>
public sealed class RuleCatalog
{
    private const string ResourcePrefix = "rules/";
    private static readonly Lazy<RuleCatalog> BuiltInCatalog = new(LoadBuiltInPacks);

    public RuleCatalog(IReadOnlyList<RulePack> packs)
    {
        var duplicate = packs.SelectMany(p => p.Rules).GroupBy(r => r.Id).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            var owners = string.Join(" and ", duplicate.Select(r => r.Pack.Name));
            throw new PolicyDefinitionException(duplicate.First().SourceFile, 1, $"rule id {duplicate.Key} is defined by packs {owners}");
        }

        Packs = packs.OrderBy(p => p.Name, StringComparer.Ordinal).ThenBy(p => p.Version).ToList();
    }

    /// <summary>The packs embedded in the engine from the repository's <c>rules/</c> folder.</summary>
    public static RuleCatalog BuiltIn => BuiltInCatalog.Value;

    public IReadOnlyList<RulePack> Packs { get; }

    public IEnumerable<Rule> Rules => Packs.SelectMany(p => p.Rules);

    /// <summary>Adds packs from a folder holding one sub-folder per pack (like the repository's <c>rules/</c>).</summary>
    public RuleCatalog WithPacksFrom(string directory)
    {
        var packs = new List<RulePack>(Packs);
        foreach (var packDirectory in Directory.GetDirectories(directory).OrderBy(d => d, StringComparer.Ordinal))
        {
            if (!File.Exists(Path.Combine(packDirectory, "pack.yaml")))
            {
                continue;
            }

            var files = Directory.GetFiles(packDirectory, "*.yaml", SearchOption.AllDirectories)
                .Select(f => new PackFile(RelativePath(packDirectory, f), File.ReadAllBytes(f)))
                .ToList();
            packs.Add(RulePackLoader.Load(packDirectory.Replace('\\', '/'), files));
        }

        return new RuleCatalog(packs);
    }

    private static RuleCatalog LoadBuiltInPacks()
    {
        var assembly = typeof(RuleCatalog).GetTypeInfo().Assembly;
        var byPack = new SortedDictionary<string, List<PackFile>>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            var name = resource.Replace('\\', '/');
            if (!name.StartsWith(ResourcePrefix, StringComparison.Ordinal))
            {
                continue;
            }

            var rest = name.Substring(ResourcePrefix.Length);
            var slash = rest.IndexOf('/');
            if (slash < 0)
            {
                continue;
            }

            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var memory = new MemoryStream();
            stream.CopyTo(memory);
            var pack = rest.Substring(0, slash);
            if (!byPack.TryGetValue(pack, out var files))
            {
                byPack[pack] = files = new List<PackFile>();
            }

            files.Add(new PackFile(rest.Substring(slash + 1), memory.ToArray()));
        }

        return new RuleCatalog(byPack.Select(p => RulePackLoader.Load("rules/" + p.Key, p.Value, deferExamples: true)).ToList());
    }

    private static string RelativePath(string root, string file) =>
        file.Substring(root.Length).TrimStart('/', '\\').Replace('\\', '/');
}
