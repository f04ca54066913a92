using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using PolicyKit.Policies.Checks.PodSecurity;
using PolicyKit.Policies.Exceptions;
using PolicyKit.Policies.Loading;
using PolicyKit.Policies.Provenance;
using PolicyKit.Policies.Rules;
using PolicyKit.Policies.Secrets;
using PolicyKit.Policies.Yaml;

namespace PolicyKit.Policies.Configuration;

/// <summary>Finds and reads <c>policykit.yaml</c>. Every mistake is a located <see cref="PolicyDefinitionException"/>.</summary>
public static class PolicyConfigLoader
{
    private static readonly HashSet<string> TopLevelKeys = new(StringComparer.Ordinal)
    {
        "packs", "rulePaths", "failOn", "environments", "rules", "exclude", "limits", "podSecurity", "exceptions", "secrets", "metrics", "provenance", "profile",
    };

    /// <summary>
    /// Walks up from <paramref name="startPath"/> (a file or folder) to the file-system root looking for a policy file,
    /// as editors look for <c>.editorconfig</c>.
    /// </summary>
    public static string? Discover(string startPath)
    {
        var full = Path.GetFullPath(startPath);
        var directory = Directory.Exists(full) ? full : Path.GetDirectoryName(full);
        while (!string.IsNullOrEmpty(directory))
        {
            var candidate = Path.Combine(directory, PolicyConfig.FileName);
            if (File.Exists(candidate))
            {
                return candidate;
            }

            directory = Path.GetDirectoryName(directory);
        }

        return null;
    }

    public static PolicyConfig Load(string path, string displayPath)
    {
        byte[] content;
        try
        {
            content = File.ReadAllBytes(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new PolicyDefinitionException(displayPath, 1, $"cannot read the policy file: {exception.Message}");
        }

        return Parse(content, displayPath, Path.GetDirectoryName(Path.GetFullPath(path))!);
    }

    /// <summary>Reads policy text that is not a file of its own (a rule example's policy); paths in it are relative to <paramref name="rootDirectory"/>.</summary>
    public static PolicyConfig FromText(string text, string displayPath, string rootDirectory) =>
        Parse(new System.Text.UTF8Encoding(false).GetBytes(text), displayPath, rootDirectory);

    /// <summary>Reads policy text as if it were a <c>policykit.yaml</c> in <paramref name="rootDirectory"/> (rule examples, tests).</summary>
    public static PolicyConfig Parse(byte[] content, string displayPath, string rootDirectory)
    {
        var loaded = ManifestLoader.Load(ManifestSource.FromBytes(displayPath, content), LoaderLimits.Default);
        if (loaded.Problems.Count > 0)
        {
            throw new PolicyDefinitionException(displayPath, loaded.Problems[0].Line, loaded.Problems[0].Detail);
        }

        var root = loaded.Documents.Count == 0
            ? new MappingNode(Array.Empty<YamlEntry>(), 1, 1)
            : loaded.Documents[0].Root as MappingNode ?? throw new PolicyDefinitionException(displayPath, 1, "the policy file must be a YAML mapping");
        return Read(root, displayPath, rootDirectory);
    }

    private static PolicyConfig Read(MappingNode root, string file, string rootDirectory)
    {
        var reader = new Reader(file);
        reader.OnlyKeys(root, TopLevelKeys, "policy file");

        var packs = new List<PackSelection>();
        foreach (var item in reader.Sequence(root.Get("packs")))
        {
            var pack = reader.Mapping(item, "each pack");
            reader.OnlyKeys(pack, new HashSet<string> { "name", "version" }, "pack entry");
            var name = reader.RequiredString(pack, "name");
            var versionText = pack.GetString("version");
            if (!VersionRange.TryParse(versionText, out var range))
            {
                throw reader.Error(pack.Get("version"), $"'{versionText}' is not a version range (examples: 1.2.0, ^1.0, >=1.0.0 <2.0.0)");
            }

            packs.Add(new PackSelection(name, range));
        }

        var rulePaths = new List<string>();
        foreach (var item in reader.Sequence(root.Get("rulePaths")))
        {
            rulePaths.Add(Path.GetFullPath(Path.Combine(rootDirectory, reader.Scalar(item, "each rule path").Value)));
        }

        var failOn = reader.Threshold(root, "failOn", Severity.High);
        var secrets = reader.Secrets(root.Get("secrets"), SecretsPolicy.Default);
        var provenance = ProvenancePolicyReader.Settings(root.Get("provenance"), file, rootDirectory);
        var environments = new List<PolicyEnvironment>();
        foreach (var item in reader.Sequence(root.Get("environments")))
        {
            var environment = reader.Mapping(item, "each environment");
            reader.OnlyKeys(environment, new HashSet<string> { "name", "paths", "failOn", "rules", "podSecurity", "secrets", "provenance", "profile", "production" }, "environment");
            var name = reader.RequiredString(environment, "name");
            if (environments.Exists(e => e.Name == name))
            {
                throw reader.Error(environment.Get("name"), $"environment '{name}' is defined twice");
            }

            var globs = new List<PathGlob>();
            foreach (var glob in reader.Sequence(environment.Get("paths")))
            {
                globs.Add(new PathGlob(reader.Scalar(glob, "each path").Value));
            }

            var hasFailOn = environment.Get("failOn") is not null;
            environments.Add(new PolicyEnvironment(name, globs, hasFailOn, reader.Threshold(environment, "failOn", failOn), reader.RuleOverrides(environment.Get("rules")))
            {
                PodSecurity = reader.PodSecurity(environment.Get("podSecurity")),
                Secrets = reader.Secrets(environment.Get("secrets"), secrets),
                Provenance = ProvenancePolicyReader.EnvironmentPolicy(environment.Get("provenance"), file, provenance?.KeyPaths.Keys.ToList() ?? new List<string>()),
                Profile = reader.Profile(environment.Get("profile")),
                Production = reader.Boolean(environment.Get("production"), "production"),
            });
        }

        var exclude = new List<PathGlob>();
        foreach (var item in reader.Sequence(root.Get("exclude")))
        {
            exclude.Add(new PathGlob(reader.Scalar(item, "each exclude pattern").Value));
        }

        return new PolicyConfig(file, rootDirectory, packs, rulePaths, failOn, environments, reader.RuleOverrides(root.Get("rules")), exclude, reader.Limits(root.Get("limits")))
        {
            PodSecurity = reader.PodSecurity(root.Get("podSecurity")),
            Exceptions = reader.Exceptions(root.Get("exceptions"), rootDirectory),
            Secrets = secrets,
            Metrics = reader.Metrics(root.Get("metrics")),
            Provenance = provenance,
            Profile = reader.Profile(root.Get("profile")),
        };
    }

    private sealed class Reader
    {
        private readonly string file;

        public Reader(string file) => this.file = file;

        public PolicyDefinitionException Error(YamlNode? at, string problem) => new(file, at?.Line ?? 1, problem);

        public void OnlyKeys(MappingNode mapping, HashSet<string> allowed, string what)
        {
            foreach (var entry in mapping.Entries)
            {
                if (!allowed.Contains(entry.Key.Value))
                {
                    throw Error(entry.Key, $"unknown {what} field '{entry.Key.Value}'; expected one of {string.Join(", ", allowed)}");
                }
            }
        }

        public string? Profile(YamlNode? node)
        {
            if (node is null or ScalarNode { IsNull: true })
            {
                return null;
            }

            var text = Scalar(node, "profile").Value;
            return HostingProfiles.IsKnown(text) ? text : throw Error(node, $"profile must be {HostingProfiles.Choices}; '{text}' is not");
        }

        public bool? Boolean(YamlNode? node, string key)
        {
            if (node is null or ScalarNode { IsNull: true })
            {
                return null;
            }

            return (node as ScalarNode)?.AsBoolean() ?? throw Error(node, $"{key} must be true or false");
        }

        public IReadOnlyList<YamlNode> Sequence(YamlNode? node) => node switch
        {
            null or ScalarNode { IsNull: true } => Array.Empty<YamlNode>(),
            SequenceNode sequence => sequence.Items,
            _ => throw Error(node, "expected a list"),
        };

        public MappingNode Mapping(YamlNode node, string what) =>
            node as MappingNode ?? throw Error(node, $"{what} must be a mapping");

        public ScalarNode Scalar(YamlNode node, string what) =>
            node is ScalarNode { IsNull: false } scalar ? scalar : throw Error(node, $"{what} must be a single value");

        public string RequiredString(MappingNode mapping, string key) =>
            mapping.GetString(key) is { Length: > 0 } value ? value : throw Error(mapping, $"'{key}' is required");

        public Severity? Threshold(MappingNode mapping, string key, Severity? defaultValue)
        {
            var node = mapping.Get(key);
            if (node is null)
            {
                return defaultValue;
            }

            var text = (node as ScalarNode)?.Value;
            return Severities.TryParseThreshold(text, out var threshold)
                ? threshold
                : throw Error(node, $"{key} must be {Severities.ThresholdChoices}; '{text}' is not");
        }

        public IReadOnlyDictionary<string, RuleOverride> RuleOverrides(YamlNode? node)
        {
            var overrides = new Dictionary<string, RuleOverride>(StringComparer.Ordinal);
            if (node is null or ScalarNode { IsNull: true })
            {
                return overrides;
            }

            foreach (var entry in Mapping(node, "rules").Entries)
            {
                var settings = entry.Value switch
                {
                    MappingNode mapping => mapping,
                    _ => throw Error(entry.Value, $"rule {entry.Key.Value} must map to settings such as 'severity: low' or 'enabled: false'"),
                };
                OnlyKeys(settings, new HashSet<string> { "severity", "enabled" }, "rule override");
                Severity? severity = null;
                if (settings.GetString("severity") is { } severityText)
                {
                    severity = Severities.TryParse(severityText, out var parsed)
                        ? parsed
                        : throw Error(settings.Get("severity"), $"severity '{severityText}' must be critical, high, medium, low or info");
                }

                bool? enabled = null;
                if (settings.GetScalar("enabled") is { } enabledNode)
                {
                    enabled = enabledNode.AsBoolean() ?? throw Error(enabledNode, "enabled must be true or false");
                }

                overrides[entry.Key.Value] = new RuleOverride(severity, enabled) { Line = entry.Key.Line };
            }

            return overrides;
        }

        /// <summary>Reads <c>podSecurity: {level, version}</c>; both are optional, at least one must be given.</summary>
        public PodSecuritySettings? PodSecurity(YamlNode? node)
        {
            if (node is null or ScalarNode { IsNull: true })
            {
                return null;
            }

            var mapping = Mapping(node, "podSecurity");
            OnlyKeys(mapping, new HashSet<string> { "level", "version" }, "podSecurity");
            PodSecurityLevel? level = null;
            if (mapping.Get("level") is { } levelNode)
            {
                var text = (levelNode as ScalarNode)?.Value;
                level = PodSecurityLevels.TryParse(text, out var parsed)
                    ? parsed
                    : throw Error(levelNode, $"podSecurity.level must be {PodSecurityLevels.Choices}; '{text}' is not");
            }

            PodSecurityVersion? version = null;
            if (mapping.Get("version") is { } versionNode)
            {
                var text = (versionNode as ScalarNode)?.Value;
                version = PodSecurityVersion.TryParse(text, out var parsed)
                    ? parsed
                    : throw Error(versionNode, $"podSecurity.version must be {PodSecurityVersion.Choices}; '{text}' is not");
            }

            if (level is null && version is null)
            {
                throw Error(mapping, "podSecurity needs 'level', 'version' or both");
            }

            return new PodSecuritySettings(level, version);
        }

        /// <summary>Reads <c>exceptions: {path, maxDuration: {critical: 30, …}, expiringWithinDays}</c>; every key is optional.</summary>
        public ExceptionSettings Exceptions(YamlNode? node, string rootDirectory)
        {
            if (node is null or ScalarNode { IsNull: true })
            {
                return ExceptionSettings.Default;
            }

            var mapping = Mapping(node, "exceptions");
            OnlyKeys(mapping, new HashSet<string> { "path", "maxDuration", "expiringWithinDays" }, "exceptions");
            var path = ExceptionSettings.DefaultPath;
            if (mapping.Get("path") is { } pathNode)
            {
                path = Scalar(pathNode, "exceptions.path").Value;
                var full = Path.GetFullPath(Path.Combine(rootDirectory, path)).TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
                if (string.Equals(full, rootDirectory.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar), StringComparison.Ordinal))
                {
                    // Every manifest beside the policy file would be read as an exception record.
                    throw Error(pathNode, "exceptions.path must name a folder of its own, not the policy file's folder");
                }
            }

            var maxDuration = new Dictionary<Severity, int>();
            foreach (var limit in ExceptionSettings.DefaultMaxDurationDays)
            {
                maxDuration[limit.Key] = limit.Value;
            }
            if (mapping.Get("maxDuration") is { } durationNode and not ScalarNode { IsNull: true })
            {
                foreach (var entry in Mapping(durationNode, "exceptions.maxDuration").Entries)
                {
                    if (!Severities.TryParse(entry.Key.Value, out var severity) || entry.Key.Value != severity.ToName())
                    {
                        throw Error(entry.Key, $"exceptions.maxDuration keys are critical, high, medium, low and info; '{entry.Key.Value}' is not");
                    }

                    maxDuration[severity] = Days(entry.Value, $"exceptions.maxDuration.{entry.Key.Value}");
                }
            }

            var expiringWithin = ExceptionSettings.DefaultExpiringWithinDays;
            if (mapping.Get("expiringWithinDays") is { } windowNode)
            {
                expiringWithin = Days(windowNode, "exceptions.expiringWithinDays");
            }

            return new ExceptionSettings(path, maxDuration, expiringWithin);
        }

        private int Days(YamlNode node, string what)
        {
            var text = (node as ScalarNode)?.Value;
            return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var days) && days > 0 && days <= 36500
                ? days
                : throw Error(node, $"{what} must be a whole number of days between 1 and 36500; '{text}' is not");
        }

        /// <summary><c>secrets</c>: rotation limits as durations (<c>90d</c>, <c>24h</c>, <c>1h30m</c>); unset fields keep <paramref name="inherited"/>.</summary>
        public SecretsPolicy Secrets(YamlNode? node, SecretsPolicy inherited)
        {
            if (node is null or ScalarNode { IsNull: true })
            {
                return inherited;
            }

            var mapping = Mapping(node, "secrets");
            OnlyKeys(mapping, new HashSet<string> { "maxRotationAge", "maxRefreshInterval" }, "secrets");
            return new SecretsPolicy(
                PositiveDuration(mapping, "maxRotationAge") ?? inherited.MaxRotationAge,
                PositiveDuration(mapping, "maxRefreshInterval") ?? inherited.MaxRefreshInterval)
            {
                RotationRequired = true,
            };
        }

        private TimeSpan? PositiveDuration(MappingNode mapping, string key)
        {
            var node = mapping.Get(key);
            if (node is null or ScalarNode { IsNull: true })
            {
                return null;
            }

            var text = (node as ScalarNode)?.Value;
            return Duration.TryParse(text, out var duration) && duration > TimeSpan.Zero
                ? duration
                : throw Error(node, $"secrets.{key} must be a positive duration such as 90d, 24h or 1h30m; '{text}' is not");
        }

        /// <summary><c>metrics</c>: exposure limits per severity, ticket pattern, signatures, failure window, hotfix pattern.</summary>
        public MetricsSettings Metrics(YamlNode? node)
        {
            if (node is null or ScalarNode { IsNull: true })
            {
                return MetricsSettings.Default;
            }

            var mapping = Mapping(node, "metrics");
            OnlyKeys(mapping, new HashSet<string> { "exposureLimits", "ticketPattern", "requireSignatures", "failureWindow", "hotfixPattern" }, "metrics");
            var defaults = MetricsSettings.Default;
            var limits = new Dictionary<Severity, TimeSpan>();
            if (mapping.Get("exposureLimits") is { } limitsNode and not ScalarNode { IsNull: true })
            {
                foreach (var entry in Mapping(limitsNode, "metrics.exposureLimits").Entries)
                {
                    if (!Severities.TryParse(entry.Key.Value, out var severity) || entry.Key.Value != severity.ToName())
                    {
                        throw Error(entry.Key, $"metrics.exposureLimits keys are critical, high, medium, low and info; '{entry.Key.Value}' is not");
                    }

                    limits[severity] = MetricsDuration(entry.Value, $"metrics.exposureLimits.{entry.Key.Value}");
                }
            }

            var requireSignatures = mapping.GetString("requireSignatures") switch
            {
                null => defaults.RequireSignatures,
                "true" => true,
                "false" => false,
                var other => throw Error(mapping.Get("requireSignatures"), $"metrics.requireSignatures must be true or false; '{other}' is not"),
            };
            return new MetricsSettings(
                limits,
                MetricsPattern(mapping, "ticketPattern") ?? defaults.TicketPattern,
                requireSignatures,
                mapping.Get("failureWindow") is { } window ? MetricsDuration(window, "metrics.failureWindow") : defaults.FailureWindow,
                MetricsPattern(mapping, "hotfixPattern") ?? defaults.HotfixPattern);
        }

        private TimeSpan MetricsDuration(YamlNode node, string what)
        {
            var text = (node as ScalarNode)?.Value;
            return Duration.TryParse(text, out var duration) && duration > TimeSpan.Zero
                ? duration
                : throw Error(node, $"{what} must be a positive duration such as 7d or 48h; '{text}' is not");
        }

        private System.Text.RegularExpressions.Regex? MetricsPattern(MappingNode mapping, string key)
        {
            var text = mapping.GetString(key);
            if (text is null)
            {
                return null;
            }

            try
            {
                return new System.Text.RegularExpressions.Regex(text, System.Text.RegularExpressions.RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
            }
            catch (ArgumentException exception)
            {
                throw Error(mapping.Get(key), $"metrics.{key} is not a valid regular expression: {exception.Message}");
            }
        }

        public LoaderLimits Limits(YamlNode? node)
        {
            if (node is null or ScalarNode { IsNull: true })
            {
                return LoaderLimits.Default;
            }

            var mapping = Mapping(node, "limits");
            OnlyKeys(mapping, new HashSet<string> { "maxFileBytes", "maxDepth", "maxAliasExpandedNodes" }, "limits");
            var limits = LoaderLimits.Default;
            return limits with
            {
                MaxFileBytes = Number(mapping, "maxFileBytes") ?? limits.MaxFileBytes,
                MaxDepth = (int)(Number(mapping, "maxDepth") ?? limits.MaxDepth),
                MaxAliasExpandedNodes = Number(mapping, "maxAliasExpandedNodes") ?? limits.MaxAliasExpandedNodes,
            };
        }

        private long? Number(MappingNode mapping, string key)
        {
            var text = mapping.GetString(key);
            if (text is null)
            {
                return null;
            }

            return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0 && value <= int.MaxValue
                ? value
                : throw Error(mapping.Get(key), $"{key} must be a positive whole number");
        }
    }
}
