using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using PolicyKit.Policies.Configuration;
using PolicyKit.Policies.Rules;
using PolicyKit.Policies.Yaml;

namespace PolicyKit.Policies.Provenance;

/// <summary>Reads the <c>provenance</c> sections of <c>policykit.yaml</c>; every mistake is located at its line.</summary>
internal static class ProvenancePolicyReader
{
    private static readonly HashSet<string> PolicyKeys = new(StringComparer.Ordinal) { "enforcement", "images", "registries", "identities", "slsa" };

    private static readonly HashSet<string> SettingsKeys = new(PolicyKeys, StringComparer.Ordinal) { "trustedRoot", "keys", "evidence" };

    public static ProvenanceSettings? Settings(YamlNode? node, string file, string rootDirectory)
    {
        if (node is null or ScalarNode { IsNull: true })
        {
            return null;
        }

        var mapping = Mapping(node, file, "provenance");
        OnlyKeys(mapping, SettingsKeys, file);
        var keys = new Dictionary<string, string>(StringComparer.Ordinal);
        if (mapping.Get("keys") is { } keysNode and not ScalarNode { IsNull: true })
        {
            foreach (var entry in Mapping(keysNode, file, "provenance.keys").Entries)
            {
                keys[entry.Key.Value] = Path.GetFullPath(Path.Combine(rootDirectory, Scalar(entry.Value, file, $"key {entry.Key.Value}")));
            }
        }

        var evidence = new List<PathGlob>();
        foreach (var item in Sequence(mapping.Get("evidence"), file))
        {
            evidence.Add(new PathGlob(Scalar(item, file, "each evidence pattern")));
        }

        var trustedRoot = mapping.GetString("trustedRoot");
        var hasPolicy = false;
        foreach (var key in PolicyKeys)
        {
            hasPolicy |= mapping.Get(key) is not null;
        }

        return new ProvenanceSettings(
            trustedRoot is null ? null : Path.GetFullPath(Path.Combine(rootDirectory, trustedRoot)),
            keys,
            evidence.Count == 0 ? ProvenanceSettings.DefaultEvidence : evidence,
            hasPolicy ? ReadPolicy(mapping, file, keys.Keys) : null);
    }

    /// <summary>An environment's <c>provenance</c>: requirements only (evidence, trusted root and keys are policy-wide).</summary>
    public static ProvenancePolicy? EnvironmentPolicy(YamlNode? node, string file, ICollection<string> keyNames)
    {
        if (node is null or ScalarNode { IsNull: true })
        {
            return null;
        }

        var mapping = Mapping(node, file, "provenance");
        OnlyKeys(mapping, PolicyKeys, file);
        return ReadPolicy(mapping, file, keyNames);
    }

    private static ProvenancePolicy ReadPolicy(MappingNode mapping, string file, ICollection<string> keyNames)
    {
        var enforcement = mapping.GetString("enforcement") ?? "enforce";
        if (enforcement is not ("enforce" or "warn"))
        {
            throw new PolicyDefinitionException(file, mapping.Get("enforcement")!.Line, $"provenance.enforcement must be enforce or warn; '{enforcement}' is not");
        }

        var images = new List<PathGlob>();
        foreach (var item in Sequence(mapping.Get("images"), file))
        {
            images.Add(new PathGlob(Scalar(item, file, "each image pattern")));
        }

        var registries = new List<string>();
        foreach (var item in Sequence(mapping.Get("registries"), file))
        {
            registries.Add(Scalar(item, file, "each registry"));
        }

        var identities = new List<SignerRequirement>();
        var keys = new List<string>();
        foreach (var item in Sequence(mapping.Get("identities"), file))
        {
            var identity = Mapping(item, file, "each identity");
            OnlyKeys(identity, new HashSet<string>(StringComparer.Ordinal) { "identity", "identityPattern", "issuer", "key" }, file);
            if (identity.GetString("key") is { } key)
            {
                if (!keyNames.Contains(key))
                {
                    throw new PolicyDefinitionException(file, identity.Line, $"identity key '{key}' is not one of provenance.keys ({string.Join(", ", keyNames)})");
                }

                keys.Add(key);
                continue;
            }

            var exact = identity.GetString("identity");
            var pattern = identity.GetString("identityPattern");
            var issuer = identity.GetString("issuer");
            if ((exact is null) == (pattern is null) || issuer is null)
            {
                throw new PolicyDefinitionException(file, identity.Line, "each identity needs 'issuer' and exactly one of 'identity' and 'identityPattern' (or only 'key')");
            }

            try
            {
                identities.Add(new SignerRequirement(exact, pattern, issuer));
            }
            catch (ArgumentException exception)
            {
                throw new PolicyDefinitionException(file, identity.Line, $"identityPattern is not a regular expression: {exception.Message}");
            }
        }

        SlsaRequirement? slsa = null;
        if (mapping.Get("slsa") is { } slsaNode and not ScalarNode { IsNull: true })
        {
            var slsaMapping = Mapping(slsaNode, file, "provenance.slsa");
            OnlyKeys(slsaMapping, new HashSet<string>(StringComparer.Ordinal) { "builderId", "buildType", "sourceRepository", "sourceRef" }, file);
            slsa = new SlsaRequirement(Values(slsaMapping, "builderId", file), Values(slsaMapping, "buildType", file), Values(slsaMapping, "sourceRepository", file), Values(slsaMapping, "sourceRef", file));
        }

        return new ProvenancePolicy(enforcement == "enforce", images, registries, identities, keys, slsa);
    }

    /// <summary>A single value or a list of accepted values.</summary>
    private static IReadOnlyList<string> Values(MappingNode mapping, string key, string file) => mapping.Get(key) switch
    {
        null => Array.Empty<string>(),
        ScalarNode scalar => new[] { Scalar(scalar, file, key) },
        SequenceNode sequence => sequence.Items.Select(item => Scalar(item, file, key)).ToList(),
        var other => throw new PolicyDefinitionException(file, other.Line, $"provenance.slsa.{key} must be a value or a list of values"),
    };

    private static MappingNode Mapping(YamlNode node, string file, string what) =>
        node as MappingNode ?? throw new PolicyDefinitionException(file, node.Line, $"{what} must be a mapping");

    private static string Scalar(YamlNode node, string file, string what) =>
        node is ScalarNode { IsNull: false } scalar ? scalar.Value : throw new PolicyDefinitionException(file, node.Line, $"{what} must be a single value");

    private static IReadOnlyList<YamlNode> Sequence(YamlNode? node, string file) => node switch
    {
        null or ScalarNode { IsNull: true } => Array.Empty<YamlNode>(),
        SequenceNode sequence => sequence.Items,
        _ => throw new PolicyDefinitionException(file, node.Line, "expected a list"),
    };

    private static void OnlyKeys(MappingNode mapping, HashSet<string> allowed, string file)
    {
        foreach (var entry in mapping.Entries)
        {
            if (!allowed.Contains(entry.Key.Value))
            {
                throw new PolicyDefinitionException(file, entry.Key.Line, $"unknown provenance field '{entry.Key.Value}'; expected one of {string.Join(", ", allowed)}");
            }
        }
    }
}
