using System;
using System.Collections.Generic;
using System.Linq;
using PolicyKit.Policies.Exceptions;
using PolicyKit.Policies.Rules;
using PolicyKit.Policies.Yaml;

namespace PolicyKit.Policies.Diff.Governance;

/// <summary>
/// Compares the policy of a change's base with the head's and lists every loosening: rules disabled or downgraded,
/// thresholds lowered, environments narrowed, packs pinned older or dropped, paths excluded, exceptions added, widened or
/// extended. Tightening is not reported. Each change is located in the head's file.
/// </summary>
public static class GovernanceComparer
{
    private const Severity DefaultThreshold = Severity.High;

    public static IReadOnlyList<GovernanceChange> Compare(PolicySnapshot before, PolicySnapshot after, RuleCatalog catalog)
    {
        var changes = new Dictionary<(GovernanceChangeKind, string, string), GovernanceChange>();
        var file = after.File ?? before.File ?? "policykit.yaml";
        var context = new Context(before, after, file, catalog, changes);
        context.CompareRules();
        context.CompareThresholds();
        context.CompareEnvironments();
        context.ComparePacks();
        context.CompareExcludes();
        context.CompareExceptions();
        return changes.Values
            .OrderBy(c => c.File, StringComparer.Ordinal)
            .ThenBy(c => c.Line)
            .ThenBy(c => c.Column)
            .ThenBy(c => c.Kind)
            .ToList();
    }

    private sealed class Context
    {
        private readonly PolicySnapshot before;
        private readonly PolicySnapshot after;
        private readonly string file;
        private readonly RuleCatalog catalog;
        private readonly Dictionary<(GovernanceChangeKind, string, string), GovernanceChange> changes;

        public Context(PolicySnapshot before, PolicySnapshot after, string file, RuleCatalog catalog, Dictionary<(GovernanceChangeKind, string, string), GovernanceChange> changes)
        {
            this.before = before;
            this.after = after;
            this.file = file;
            this.catalog = catalog;
            this.changes = changes;
        }

        public void CompareRules()
        {
            var ids = RuleIds(before.Root).Concat(RuleIds(after.Root)).Distinct(StringComparer.Ordinal).OrderBy(i => i, StringComparer.Ordinal).ToList();
            var scopes = new List<string?> { null };
            scopes.AddRange(EnvironmentNames(after.Root).Where(n => Environment(before.Root, n) is not null));
            foreach (var id in ids)
            {
                var defaultSeverity = catalog.Rules.Where(r => r.Id == id).Select(r => (Severity?)r.Severity).FirstOrDefault();
                foreach (var scope in scopes)
                {
                    var wasEnabled = Enabled(before.Root, scope, id, out _);
                    var isEnabled = Enabled(after.Root, scope, id, out var enabledNode);
                    var where = scope is null ? "for the whole policy" : $"in environment {scope}";
                    if (wasEnabled && !isEnabled)
                    {
                        Add(GovernanceChangeKind.RuleDisabled, enabledNode, PathOf(scope, $"rules.{id}.enabled"), "enabled", "disabled", ("rule", id), ("where", where));
                        continue;
                    }

                    var was = SeverityOf(before.Root, scope, id, out _) ?? defaultSeverity;
                    var now = SeverityOf(after.Root, scope, id, out var severityNode) ?? defaultSeverity;
                    if (isEnabled && was is { } from && now is { } to && to < from)
                    {
                        Add(GovernanceChangeKind.RuleDowngraded, severityNode, PathOf(scope, $"rules.{id}.severity"), from.ToName(), to.ToName(), ("rule", id), ("where", where));
                    }
                }
            }
        }

        public void CompareThresholds()
        {
            var scopes = new List<string?> { null };
            scopes.AddRange(EnvironmentNames(after.Root).Where(n => Environment(before.Root, n) is not null));
            foreach (var scope in scopes)
            {
                var was = Threshold(before.Root, scope, out _);
                var now = Threshold(after.Root, scope, out var node);
                if (Weaker(was, now))
                {
                    var where = scope is null ? "for the whole policy" : $"in environment {scope}";
                    Add(GovernanceChangeKind.ThresholdLowered, node, PathOf(scope, "failOn"), ThresholdName(was), ThresholdName(now), ("where", where));
                }
            }
        }

        public void CompareEnvironments()
        {
            foreach (var name in EnvironmentNames(before.Root))
            {
                var old = Environment(before.Root, name)!;
                var current = Environment(after.Root, name);
                if (current is null)
                {
                    Add(GovernanceChangeKind.EnvironmentNarrowed, after.Root.Get("environments") ?? (YamlNode)after.Root, $"environments[name={name}]", string.Join(", ", Globs(old)), "removed", ("environment", name), ("detail", "the environment was removed, so its files fall to a more lenient one"));
                    continue;
                }

                var removed = Globs(old).Except(Globs(current), StringComparer.Ordinal).ToList();
                if (removed.Count > 0)
                {
                    Add(GovernanceChangeKind.EnvironmentNarrowed, current.Get("paths") ?? current, $"environments[name={name}].paths", string.Join(", ", Globs(old)), string.Join(", ", Globs(current)), ("environment", name), ("detail", $"paths {string.Join(", ", removed)} no longer belong to it"));
                }
            }
        }

        public void ComparePacks()
        {
            var previous = ResolvedPacks(before.Root);
            var now = ResolvedPacks(after.Root);
            foreach (var pack in previous)
            {
                // The exceptions pack joins every run that has exception records, listed or not (ExceptionPack).
                if (pack.Value.Version is null || pack.Key == Exceptions.ExceptionPack.Name)
                {
                    continue;
                }

                if (!now.TryGetValue(pack.Key, out var current))
                {
                    Add(GovernanceChangeKind.PackDropped, after.Root.Get("packs") ?? (YamlNode)after.Root, $"packs[name={pack.Key}]", pack.Value.Version.ToString(), "not selected", ("pack", pack.Key));
                }
                else if (pack.Value.Version is { } was && (current.Version is null || current.Version.CompareTo(was) < 0))
                {
                    var pinned = current.Version?.ToString() ?? $"'{current.Range}', which selects no available version";
                    Add(GovernanceChangeKind.PackPinnedOlder, current.Node ?? after.Root, $"packs[name={pack.Key}].version", was.ToString(), pinned, ("pack", pack.Key));
                }
            }
        }

        public void CompareExcludes()
        {
            var old = new HashSet<string>(Strings(before.Root.Get("exclude")).Select(s => s.Value), StringComparer.Ordinal);
            foreach (var glob in Strings(after.Root.Get("exclude")))
            {
                if (!old.Contains(glob.Value))
                {
                    Add(GovernanceChangeKind.PathsExcluded, glob, $"exclude[{glob.Value}]", "judged", "excluded", ("glob", glob.Value));
                }
            }
        }

        public void CompareExceptions()
        {
            var old = before.Exceptions.GroupBy(r => r.Id!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
            foreach (var record in after.Exceptions)
            {
                var rules = string.Join(", ", record.Rules.Select(r => r.Text));
                if (!old.TryGetValue(record.Id!, out var previous))
                {
                    AddAt(GovernanceChangeKind.ExceptionAdded, record.File, record.Node, record.FieldPath(), "absent", $"{rules} for {record.Scope?.ToString() ?? "no scope"} until {Date(record.Expires)}", ("exception", record.Id!), ("rules", rules), ("expires", Date(record.Expires)));
                    continue;
                }

                var widened = Widening(previous, record);
                if (widened is not null)
                {
                    var node = widened == "rules" ? record.Locate("rules") : record.Locate("scope");
                    AddAt(GovernanceChangeKind.ExceptionWidened, record.File, node, record.FieldPath(widened), Describe(previous), Describe(record), ("exception", record.Id!), ("detail", widened == "rules" ? "it waives more rules" : "its scope covers more resources"));
                }

                if (previous.Expires is { } was && record.Expires is { } now && now > was)
                {
                    AddAt(GovernanceChangeKind.ExceptionExtended, record.File, record.Locate("expires"), record.FieldPath("expires"), Date(was), Date(now), ("exception", record.Id!), ("before", Date(was)), ("after", Date(now)));
                }
            }
        }

        /// <summary>Which part of an exception grew, or null: <c>rules</c> or <c>scope</c>.</summary>
        private static string? Widening(ExceptionRecord previous, ExceptionRecord current)
        {
            var oldRules = new HashSet<string>(previous.Rules.Select(r => r.Text), StringComparer.Ordinal);
            if (current.Rules.Any(r => !oldRules.Contains(r.Text)))
            {
                return "rules";
            }

            // A record without a scope waives nothing (PK9001), so neither side can be wider through it.
            if (previous.Scope is null || current.Scope is null)
            {
                return null;
            }

            var oldParts = previous.Scope.Describe().ToDictionary(p => p.Key, p => Split(p.Value), StringComparer.Ordinal);
            var newParts = current.Scope.Describe().ToDictionary(p => p.Key, p => Split(p.Value), StringComparer.Ordinal);
            foreach (var part in oldParts)
            {
                // A restriction dropped, or a restriction that now admits a value it did not: the scope grew.
                if (!newParts.TryGetValue(part.Key, out var values) || values.Any(v => !part.Value.Contains(v)))
                {
                    return "scope";
                }
            }

            return null;
        }

        private static HashSet<string> Split(string describedValues) =>
            new(describedValues.Split(new[] { ", " }, StringSplitOptions.RemoveEmptyEntries), StringComparer.Ordinal);

        private static string Describe(ExceptionRecord record) =>
            $"{string.Join(", ", record.Rules.Select(r => r.Text))} for {record.Scope?.ToString() ?? "no scope"}";

        private static string Date(DateTime? date) => date is { } value ? UtcDates.FormatDate(value) : "no date";

        private void Add(GovernanceChangeKind kind, YamlNode? node, string fieldPath, string wasValue, string nowValue, params (string Name, string Value)[] arguments) =>
            AddAt(kind, after.File ?? file, node ?? after.Root, fieldPath, wasValue, nowValue, arguments);

        private void AddAt(GovernanceChangeKind kind, string inFile, YamlNode node, string fieldPath, string wasValue, string nowValue, params (string Name, string Value)[] arguments)
        {
            var key = (kind, inFile, fieldPath);
            if (changes.ContainsKey(key))
            {
                return;
            }

            var all = new List<KeyValuePair<string, string>>
            {
                new("before", wasValue),
                new("after", nowValue),
            };
            foreach (var (name, value) in arguments)
            {
                all.RemoveAll(a => a.Key == name);
                all.Add(new KeyValuePair<string, string>(name, value));
            }

            changes[key] = new GovernanceChange(kind, inFile, node.Line, node.Column, fieldPath, wasValue, nowValue, all);
        }

        private static string PathOf(string? environment, string path) =>
            environment is null ? path : $"environments[name={environment}].{path}";

        private static IEnumerable<string> RuleIds(MappingNode root)
        {
            var maps = new List<MappingNode?> { root.GetMapping("rules") };
            maps.AddRange(EnvironmentNodes(root).Select(e => e.GetMapping("rules")));
            return maps.Where(m => m is not null).SelectMany(m => m!.Entries.Select(e => e.Key.Value));
        }

        private static IEnumerable<MappingNode> EnvironmentNodes(MappingNode root) =>
            (root.GetSequence("environments")?.Items ?? Array.Empty<YamlNode>()).OfType<MappingNode>();

        private static IEnumerable<string> EnvironmentNames(MappingNode root) =>
            EnvironmentNodes(root).Select(e => e.GetString("name")).Where(n => n is not null).Select(n => n!);

        private static MappingNode? Environment(MappingNode root, string name) =>
            EnvironmentNodes(root).FirstOrDefault(e => e.GetString("name") == name);

        private static IEnumerable<string> Globs(MappingNode environment) => Strings(environment.Get("paths")).Select(s => s.Value);

        private static IEnumerable<ScalarNode> Strings(YamlNode? node) =>
            node is SequenceNode sequence ? sequence.Items.OfType<ScalarNode>() : Array.Empty<ScalarNode>();

        /// <summary>The override of rule <paramref name="id"/> in <paramref name="environment"/> (or the policy-wide one) for one field.</summary>
        private static ScalarNode? Override(MappingNode root, string? environment, string id, string field, out YamlNode? at)
        {
            at = null;
            if (environment is not null && Environment(root, environment)?.GetMapping("rules")?.GetMapping(id)?.GetScalar(field) is { } inner)
            {
                at = inner;
                return inner;
            }

            var outer = root.GetMapping("rules")?.GetMapping(id)?.GetScalar(field);
            at = outer;
            return outer;
        }

        private static bool Enabled(MappingNode root, string? environment, string id, out YamlNode? at) =>
            Override(root, environment, id, "enabled", out at)?.AsBoolean() ?? true;

        private static Severity? SeverityOf(MappingNode root, string? environment, string id, out YamlNode? at) =>
            Override(root, environment, id, "severity", out at) is { } scalar && Severities.TryParse(scalar.Value, out var severity) ? severity : null;

        /// <summary>The fail threshold in force; null is <c>none</c> (nothing blocks).</summary>
        private static Severity? Threshold(MappingNode root, string? environment, out YamlNode? at)
        {
            at = null;
            if (environment is not null && Environment(root, environment)?.GetScalar("failOn") is { } inner)
            {
                at = inner;
                return Parse(inner);
            }

            var outer = root.GetScalar("failOn");
            at = outer;
            return outer is null ? DefaultThreshold : Parse(outer);

            static Severity? Parse(ScalarNode node) => Severities.TryParseThreshold(node.Value, out var threshold) ? threshold : DefaultThreshold;
        }

        private static bool Weaker(Severity? was, Severity? now) => was is { } from && (now is not { } to || to > from);

        private static string ThresholdName(Severity? threshold) => threshold?.ToName() ?? "none";

        /// <summary>Each selected pack with the version its range resolves to (null when none is available), as the engine resolves it.</summary>
        private Dictionary<string, (SemanticVersion? Version, string Range, YamlNode? Node)> ResolvedPacks(MappingNode root)
        {
            var resolved = new Dictionary<string, (SemanticVersion?, string, YamlNode?)>(StringComparer.Ordinal);
            var selections = root.GetSequence("packs")?.Items.OfType<MappingNode>().ToList();
            if (selections is null || selections.Count == 0)
            {
                foreach (var group in catalog.Packs.Where(p => p.Name != GovernancePack.Name).GroupBy(p => p.Name))
                {
                    resolved[group.Key] = (group.Max(p => p.Version)!, "*", null);
                }

                return resolved;
            }

            foreach (var selection in selections)
            {
                var name = selection.GetString("name");
                if (name is null)
                {
                    continue;
                }

                var versionNode = selection.GetScalar("version");
                var range = VersionRange.TryParse(versionNode?.Value ?? "*", out var parsed) ? parsed : VersionRange.Any;
                var newest = catalog.Packs.Where(p => p.Name == name && range.Contains(p.Version)).OrderByDescending(p => p.Version).FirstOrDefault();
                resolved[name] = (newest?.Version, versionNode?.Value ?? "*", (YamlNode?)versionNode ?? selection);
            }

            return resolved;
        }
    }
}
