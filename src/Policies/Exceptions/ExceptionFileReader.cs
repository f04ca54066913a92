using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using PolicyKit.Policies.Loading;
using PolicyKit.Policies.Yaml;

namespace PolicyKit.Policies.Exceptions;

/// <summary>
/// Reads an exception file: one or more YAML documents, each a mapping whose <c>exceptions</c> key lists records.
/// It reuses the manifest loader, so every field keeps its line and hostile input is bounded the same way, and it
/// turns every shape problem into a located <see cref="ExceptionProblem"/> instead of failing the run.
/// </summary>
internal static class ExceptionFileReader
{
    public const string ListKey = "exceptions";

    public static readonly IReadOnlyList<string> RecordFields = new[]
    {
        "id", "rules", "scope", "owner", "approver", "justification", "ticket", "created", "expires", "risk", "compensatingControls",
    };

    public static readonly IReadOnlyList<string> ScopeFields = new[]
    {
        "environments", "namespaces", "kinds", "names", "labels", "images", "secretKeys",
    };

    private static readonly Regex IdPattern = new("^[A-Za-z0-9][A-Za-z0-9._-]*$", RegexOptions.CultureInvariant | RegexOptions.Compiled);

    public static void Read(ManifestSource source, LoaderLimits limits, List<ExceptionRecord> records, List<ExceptionProblem> problems)
    {
        var loaded = ManifestLoader.Load(source, limits);
        var fileRecords = new List<(int Document, ExceptionRecord Record)>();
        var position = 0;
        foreach (var document in loaded.Documents)
        {
            if (document.Root is not MappingNode root || root.Get(ListKey) is not { } list)
            {
                problems.Add(FileProblem(source, document.Root, $"each document of an exception file must be a mapping with an '{ListKey}' list"));
                continue;
            }

            foreach (var entry in root.Entries)
            {
                if (entry.Key.Value != ListKey)
                {
                    problems.Add(FileProblem(source, entry.Key, $"unknown top-level field '{entry.Key.Value}'; an exception file holds only '{ListKey}'"));
                }
            }

            if (list is ScalarNode { IsNull: true })
            {
                continue;
            }

            if (list is not SequenceNode items)
            {
                problems.Add(FileProblem(source, list, $"'{ListKey}' must be a list of exception records"));
                continue;
            }

            foreach (var item in items.Items)
            {
                if (item is MappingNode mapping)
                {
                    var record = ReadRecord(new ExceptionRecord(source, position, mapping), problems);
                    fileRecords.Add((document.Index, record));
                    records.Add(record);
                }
                else
                {
                    problems.Add(new ExceptionProblem(ExceptionProblemKind.Malformed, "each entry of 'exceptions' must be a mapping (an exception record)", source.DisplayPath, item.Line, item.Column, $"exceptions[{position}]", null));
                }

                position++;
            }
        }

        foreach (var problem in loaded.Problems)
        {
            if (problem.Kind == InputProblemKind.EmptyFile)
            {
                // An empty exception file waives nothing and breaks nothing.
                continue;
            }

            // A duplicate key keeps its document; the record holding it must not be trusted (which value was meant?).
            var owner = fileRecords.LastOrDefault(r => r.Document == problem.DocumentIndex && r.Record.Line <= problem.Line).Record;
            problems.Add(new ExceptionProblem(ExceptionProblemKind.Malformed, problem.Detail, source.DisplayPath, problem.Line, problem.Column, owner?.FieldPath() ?? string.Empty, owner));
        }
    }

    private static ExceptionProblem FileProblem(ManifestSource source, YamlNode at, string detail) =>
        new(ExceptionProblemKind.Malformed, detail, source.DisplayPath, at.Line, at.Column, string.Empty, null);

    private static ExceptionRecord ReadRecord(ExceptionRecord record, List<ExceptionProblem> problems)
    {
        var reader = new FieldReader(record, problems);
        record.Id = reader.Text("id", required: true);
        if (record.Id is { } id && !IdPattern.IsMatch(id))
        {
            reader.Problem(ExceptionProblemKind.Malformed, record.Locate("id"), "id", $"id '{id}' must start with a letter or digit and hold only letters, digits, '.', '_' and '-' (e.g. EX-2026-014)");
        }

        foreach (var entry in record.Node.Entries)
        {
            if (!RecordFields.Contains(entry.Key.Value))
            {
                reader.Problem(ExceptionProblemKind.Malformed, entry.Key, entry.Key.Value, $"unknown field '{entry.Key.Value}'; a record has {string.Join(", ", RecordFields)}");
            }
        }

        record.Rules = reader.Rules();
        record.Scope = reader.Scope();
        record.Owner = reader.Text("owner", required: true);
        record.Approver = reader.Text("approver", required: true);
        record.Justification = reader.Text("justification", required: true);
        record.Ticket = reader.Text("ticket", required: true);
        record.Created = reader.Date("created");
        record.Expires = reader.Date("expires");
        record.Risk = reader.Text("risk", required: false);
        record.CompensatingControls = reader.TextList(record.Node, "compensatingControls", "compensatingControls") ?? Array.Empty<string>();
        return record;
    }

    /// <summary>Reads the fields of one record, reporting each problem at the field it is about.</summary>
    private sealed class FieldReader
    {
        private readonly ExceptionRecord record;
        private readonly List<ExceptionProblem> problems;

        public FieldReader(ExceptionRecord record, List<ExceptionProblem> problems)
        {
            this.record = record;
            this.problems = problems;
        }

        public void Problem(ExceptionProblemKind kind, YamlNode at, string field, string detail) =>
            problems.Add(new ExceptionProblem(kind, detail, record.File, at.Line, at.Column, record.FieldPath(field), record));

        public string? Text(string key, bool required)
        {
            var node = record.Node.Get(key);
            if (node is ScalarNode scalar && !scalar.IsNull && scalar.Value.Trim().Length > 0)
            {
                return scalar.Value.Trim();
            }

            if (node is MappingNode or SequenceNode)
            {
                Problem(ExceptionProblemKind.Malformed, node, key, $"{key} must be text, not a {(node is MappingNode ? "mapping" : "list")}");
            }
            else if (required)
            {
                Problem(ExceptionProblemKind.MissingField, record.Locate(key), key, $"{key} ({Purpose(key)})");
            }

            return null;
        }

        public DateTime? Date(string key)
        {
            var text = Text(key, required: true);
            if (text is null)
            {
                return null;
            }

            if (UtcDates.TryParseDate(text, out var date))
            {
                return date;
            }

            Problem(ExceptionProblemKind.MalformedDate, record.Locate(key), key, $"{key} '{text}' is not a date; write it as YYYY-MM-DD (a UTC day), e.g. 2027-02-15");
            return null;
        }

        public IReadOnlyList<RuleReference> Rules()
        {
            var node = record.Node.Get("rules");
            if (node is null or ScalarNode { IsNull: true } || node is SequenceNode { Items.Count: 0 })
            {
                Problem(ExceptionProblemKind.MissingField, record.Locate("rules"), "rules", $"rules ({Purpose("rules")})");
                return Array.Empty<RuleReference>();
            }

            if (node is not SequenceNode sequence)
            {
                Problem(ExceptionProblemKind.Malformed, node, "rules", "rules must be a list of rule ids, e.g. [PK1009]");
                return Array.Empty<RuleReference>();
            }

            var references = new List<RuleReference>();
            for (var i = 0; i < sequence.Items.Count; i++)
            {
                var item = sequence.Items[i];
                if (item is ScalarNode { IsNull: false } scalar && RuleReference.TryParse(scalar.Value.Trim(), out var reference))
                {
                    references.Add(reference);
                }
                else
                {
                    var text = (item as ScalarNode)?.Value ?? "a non-scalar value";
                    Problem(ExceptionProblemKind.UnknownRule, item, $"rules[{i}]", $"'{text}' is not a rule id; write PK and four digits (PK1009) or a prefix ending in * (PK12*)");
                }
            }

            return references;
        }

        public ExceptionScope? Scope()
        {
            var node = record.Node.Get("scope");
            if (node is null or ScalarNode { IsNull: true })
            {
                Problem(ExceptionProblemKind.MissingField, record.Locate("scope"), "scope", $"scope ({Purpose("scope")})");
                return null;
            }

            if (node is not MappingNode scope)
            {
                Problem(ExceptionProblemKind.Malformed, node, "scope", $"scope must be a mapping of {string.Join(", ", ScopeFields)}");
                return null;
            }

            foreach (var entry in scope.Entries)
            {
                if (!ScopeFields.Contains(entry.Key.Value))
                {
                    // A misspelt scope field would silently widen the exception to everything: never ignore one.
                    Problem(ExceptionProblemKind.Malformed, entry.Key, "scope." + entry.Key.Value, $"unknown scope field '{entry.Key.Value}'; a scope has {string.Join(", ", ScopeFields)}");
                }
            }

            var result = new ExceptionScope(
                Patterns(scope, "environments"),
                Patterns(scope, "namespaces"),
                Patterns(scope, "kinds"),
                Patterns(scope, "names"),
                Labels(scope),
                Patterns(scope, "images"),
                Patterns(scope, "secretKeys"));
            if (!scope.Entries.Any(e => ScopeFields.Contains(e.Key.Value)))
            {
                Problem(ExceptionProblemKind.MissingField, scope, "scope", $"a scope field: the scope names nothing; give at least one of {string.Join(", ", ScopeFields)} (namespaces: [\"*\"] waives everywhere, visibly)");
            }

            return result;
        }

        public IReadOnlyList<string>? TextList(MappingNode mapping, string key, string field)
        {
            var node = mapping.Get(key);
            if (node is null or ScalarNode { IsNull: true })
            {
                return null;
            }

            if (node is not SequenceNode { Items.Count: > 0 } sequence)
            {
                Problem(ExceptionProblemKind.Malformed, node, field, node is SequenceNode ? $"{field} is an empty list; remove it or give at least one value" : $"{field} must be a list, e.g. [\"value\"]");
                return null;
            }

            var values = new List<string>(sequence.Items.Count);
            foreach (var item in sequence.Items)
            {
                if (item is ScalarNode { IsNull: false } scalar && scalar.Value.Trim().Length > 0)
                {
                    values.Add(scalar.Value.Trim());
                }
                else
                {
                    Problem(ExceptionProblemKind.Malformed, item, field, $"each entry of {field} must be non-empty text");
                }
            }

            return values;
        }

        private ScopePatterns Patterns(MappingNode scope, string key)
        {
            var values = TextList(scope, key, "scope." + key);
            return values is null ? ScopePatterns.Any : new ScopePatterns(values.Select(v => new ScopePattern(v)).ToList());
        }

        private LabelSelector? Labels(MappingNode scope)
        {
            var node = scope.Get("labels");
            if (node is null or ScalarNode { IsNull: true })
            {
                return null;
            }

            if (node is not MappingNode selector)
            {
                Problem(ExceptionProblemKind.Malformed, node, "scope.labels", "scope.labels must be a label selector with matchLabels and/or matchExpressions");
                return null;
            }

            foreach (var entry in selector.Entries)
            {
                if (entry.Key.Value is not ("matchLabels" or "matchExpressions"))
                {
                    Problem(ExceptionProblemKind.Malformed, entry.Key, "scope.labels." + entry.Key.Value, $"unknown label selector field '{entry.Key.Value}'; use matchLabels and/or matchExpressions");
                }
            }

            var matchLabels = new List<KeyValuePair<string, string>>();
            if (selector.Get("matchLabels") is { } labelsNode and not ScalarNode { IsNull: true })
            {
                if (labelsNode is MappingNode labels)
                {
                    foreach (var entry in labels.Entries)
                    {
                        if (entry.Value is ScalarNode { IsNull: false } value)
                        {
                            matchLabels.Add(new KeyValuePair<string, string>(entry.Key.Value, value.Value));
                        }
                        else
                        {
                            Problem(ExceptionProblemKind.Malformed, entry.Value, "scope.labels.matchLabels." + entry.Key.Value, $"label '{entry.Key.Value}' must map to a single value");
                        }
                    }
                }
                else
                {
                    Problem(ExceptionProblemKind.Malformed, labelsNode, "scope.labels.matchLabels", "matchLabels must be a mapping of label to value");
                }
            }

            var expressions = new List<LabelRequirement>();
            if (selector.Get("matchExpressions") is { } expressionsNode and not ScalarNode { IsNull: true })
            {
                if (expressionsNode is SequenceNode sequence)
                {
                    for (var i = 0; i < sequence.Items.Count; i++)
                    {
                        if (Requirement(sequence.Items[i], $"scope.labels.matchExpressions[{i}]") is { } requirement)
                        {
                            expressions.Add(requirement);
                        }
                    }
                }
                else
                {
                    Problem(ExceptionProblemKind.Malformed, expressionsNode, "scope.labels.matchExpressions", "matchExpressions must be a list of {key, operator, values}");
                }
            }

            var result = new LabelSelector(matchLabels, expressions);
            if (IsEmpty(selector.Get("matchLabels")) && IsEmpty(selector.Get("matchExpressions")))
            {
                Problem(ExceptionProblemKind.Malformed, selector, "scope.labels", "scope.labels selects every resource; give matchLabels or matchExpressions, or remove it");
            }

            return result;
        }

        private static bool IsEmpty(YamlNode? node) =>
            node is null or ScalarNode { IsNull: true } or MappingNode { Entries.Count: 0 } or SequenceNode { Items.Count: 0 };

        private LabelRequirement? Requirement(YamlNode node, string field)
        {
            if (node is not MappingNode expression || expression.GetString("key") is not { Length: > 0 } key || expression.GetString("operator") is not { } op)
            {
                Problem(ExceptionProblemKind.Malformed, node, field, "each match expression needs a key and an operator (In, NotIn, Exists, DoesNotExist)");
                return null;
            }

            foreach (var entry in expression.Entries)
            {
                if (entry.Key.Value is not ("key" or "operator" or "values"))
                {
                    Problem(ExceptionProblemKind.Malformed, entry.Key, field + "." + entry.Key.Value, $"unknown match expression field '{entry.Key.Value}'; use key, operator and values");
                }
            }

            if (!LabelRequirement.Operators.Contains(op))
            {
                Problem(ExceptionProblemKind.Malformed, expression.Get("operator")!, field + ".operator", $"operator '{op}' must be In, NotIn, Exists or DoesNotExist");
                return null;
            }

            var values = TextList(expression, "values", field + ".values") ?? Array.Empty<string>();
            var needsValues = op is "In" or "NotIn";
            if (needsValues != (values.Count > 0))
            {
                Problem(ExceptionProblemKind.Malformed, expression, field, needsValues ? $"operator {op} needs a non-empty values list" : $"operator {op} takes no values");
                return null;
            }

            return new LabelRequirement(key, op, values);
        }

        private static string Purpose(string key) => key switch
        {
            "id" => "a unique reference such as EX-2026-014",
            "rules" => "the rule ids it waives, e.g. [PK1009]",
            "scope" => "which resources it covers: environments, namespaces, kinds, names, labels, images, secretKeys",
            "owner" => "who is accountable for the exception",
            "approver" => "who approved it; not the owner",
            "justification" => "why the finding is accepted",
            "ticket" => "the change or risk ticket that authorised it",
            "created" => "the day it was created, YYYY-MM-DD",
            "expires" => "the last day it is in force, YYYY-MM-DD",
            _ => key,
        };
    }
}
