using System;
using System.Collections.Generic;
using System.Linq;
using PolicyKit.Policies.Configuration;
using PolicyKit.Policies.Rules;
using PolicyKit.Policies.Yaml;

namespace PolicyKit.Policies.Exceptions;

/// <summary>
/// Checks what a record means against the rules that exist and the policy in force: rule ids, separation of duties,
/// date order, the longest duration the waived severity allows, breadth of scope for critical rules, unique ids.
/// </summary>
internal static class ExceptionValidator
{
    public static void Validate(IReadOnlyList<ExceptionRecord> records, IReadOnlyList<Rule> knownRules, PolicyConfig config, DateTime today, List<ExceptionProblem> problems)
    {
        var byId = knownRules.ToDictionary(r => r.Id, StringComparer.Ordinal);
        foreach (var record in records)
        {
            record.WaivedRules = ResolveRules(record, byId, knownRules, problems);
            CheckSeparationOfDuties(record, problems);
            var datesInOrder = CheckDates(record, today, problems);
            if (datesInOrder && record.WaivedRules.Count > 0)
            {
                CheckDuration(record, config, problems);
            }

            CheckScopeBreadth(record, config, problems);
        }

        CheckDuplicateIds(records, problems);
    }

    /// <summary>
    /// Input findings mean a file was not checked at all, and exception findings are the exception program's own
    /// controls; waiving either would make the program unaccountable.
    /// </summary>
    public static bool IsWaivable(Rule rule) => rule.Category != Categories.Input && rule.Category != "exceptions";

    /// <summary>
    /// The severity an exception is held to: the pack's, raised by any override the policy makes anywhere, so an
    /// environment that treats the rule as critical keeps the exception on a critical rule's leash.
    /// </summary>
    public static Severity HeldSeverity(Rule rule, PolicyConfig config)
    {
        var severity = rule.Severity;
        if (config.Rules.TryGetValue(rule.Id, out var policyOverride) && policyOverride.Severity is { } policySeverity && policySeverity > severity)
        {
            severity = policySeverity;
        }

        foreach (var environment in config.Environments)
        {
            if (environment.Rules.TryGetValue(rule.Id, out var environmentOverride) && environmentOverride.Severity is { } environmentSeverity && environmentSeverity > severity)
            {
                severity = environmentSeverity;
            }
        }

        return severity;
    }

    private static IReadOnlyList<Rule> ResolveRules(ExceptionRecord record, Dictionary<string, Rule> byId, IReadOnlyList<Rule> knownRules, List<ExceptionProblem> problems)
    {
        var waived = new SortedDictionary<string, Rule>(StringComparer.Ordinal);
        foreach (var reference in record.Rules)
        {
            var at = RuleNode(record, reference);
            if (!reference.IsWildcard)
            {
                if (!byId.TryGetValue(reference.Text, out var rule))
                {
                    Add(problems, record, ExceptionProblemKind.UnknownRule, at, "rules", $"rule {reference.Text} is not defined by any available pack");
                }
                else if (!IsWaivable(rule))
                {
                    Add(problems, record, ExceptionProblemKind.UnknownRule, at, "rules", $"rule {rule.Id} ({rule.Category}) cannot be waived: {(rule.Category == Categories.Input ? "an input finding means the file was not checked at all" : "exception findings are the exception program's own controls")}");
                }
                else
                {
                    waived[rule.Id] = rule;
                }

                continue;
            }

            var matched = knownRules.Where(r => reference.Matches(r.Id) && IsWaivable(r)).ToList();
            if (matched.Count == 0)
            {
                Add(problems, record, ExceptionProblemKind.UnknownRule, at, "rules", $"{reference.Text} matches no rule that can be waived");
            }

            foreach (var rule in matched)
            {
                waived[rule.Id] = rule;
            }
        }

        return waived.Values.ToList();
    }

    private static YamlNode RuleNode(ExceptionRecord record, RuleReference reference)
    {
        var items = record.Node.GetSequence("rules")?.Items;
        return items?.FirstOrDefault(i => i is ScalarNode scalar && scalar.Value.Trim() == reference.Text) ?? record.Locate("rules");
    }

    private static void CheckSeparationOfDuties(ExceptionRecord record, List<ExceptionProblem> problems)
    {
        if (record.Owner is { } owner && record.Approver is { } approver && Person(owner) == Person(approver))
        {
            Add(problems, record, ExceptionProblemKind.SelfApproved, record.Locate("approver"), "approver", $"owner and approver are both {approver}");
        }
    }

    /// <summary>
    /// Compares people the way mail systems do: <c>Maria Lopez &lt;MARIA@acme.example&gt;</c> is
    /// <c>maria@acme.example</c>.
    /// </summary>
    private static string Person(string text)
    {
        var open = text.LastIndexOf('<');
        var close = text.LastIndexOf('>');
        var core = open >= 0 && close > open ? text.Substring(open + 1, close - open - 1) : text;
        return core.Trim().ToLowerInvariant();
    }

    private static bool CheckDates(ExceptionRecord record, DateTime today, List<ExceptionProblem> problems)
    {
        if (record.Created is not { } created || record.Expires is not { } expires)
        {
            return false;
        }

        if (created > today)
        {
            Add(problems, record, ExceptionProblemKind.MalformedDate, record.Locate("created"), "created", $"created {UtcDates.FormatDate(created)} is after today ({UtcDates.FormatDate(today)}, UTC); a record cannot be created in the future");
        }

        if (expires < created)
        {
            Add(problems, record, ExceptionProblemKind.MalformedDate, record.Locate("expires"), "expires", $"expires {UtcDates.FormatDate(expires)} is before created {UtcDates.FormatDate(created)}");
            return false;
        }

        return true;
    }

    private static void CheckDuration(ExceptionRecord record, PolicyConfig config, List<ExceptionProblem> problems)
    {
        var strictest = record.WaivedRules.OrderByDescending(r => HeldSeverity(r, config)).ThenBy(r => r.Id, StringComparer.Ordinal).First();
        var severity = HeldSeverity(strictest, config);
        var allowed = config.Exceptions.MaxDays(severity);
        var days = (record.Expires!.Value - record.Created!.Value).Days;
        if (days > allowed)
        {
            Add(
                problems,
                record,
                ExceptionProblemKind.DurationExceeded,
                record.Locate("expires"),
                "expires",
                $"it runs {days} days ({UtcDates.FormatDate(record.Created.Value)} to {UtcDates.FormatDate(record.Expires.Value)}) but an exception to a {severity.ToName()} rule ({strictest.Id}) may last at most {allowed} days");
        }
    }

    private static void CheckScopeBreadth(ExceptionRecord record, PolicyConfig config, List<ExceptionProblem> problems)
    {
        if (record.Scope is not { IsUnbounded: true })
        {
            return;
        }

        var critical = record.WaivedRules.FirstOrDefault(r => HeldSeverity(r, config) == Severity.Critical);
        if (critical is not null)
        {
            Add(problems, record, ExceptionProblemKind.UnboundedScope, record.Locate("scope"), "scope", $"its scope matches every resource but it waives critical rule {critical.Id}");
        }
    }

    private static void CheckDuplicateIds(IReadOnlyList<ExceptionRecord> records, List<ExceptionProblem> problems)
    {
        foreach (var group in records.Where(r => r.Id is not null).GroupBy(r => r.Id!, StringComparer.OrdinalIgnoreCase))
        {
            var list = group.ToList();
            if (list.Count < 2)
            {
                continue;
            }

            foreach (var record in list)
            {
                var others = string.Join(", ", list.Where(o => !ReferenceEquals(o, record)).Select(o => $"{o.File}:{o.Line}"));
                Add(problems, record, ExceptionProblemKind.DuplicateId, record.Locate("id"), "id", $"id {record.Id} is also used by the record at {others}");
            }
        }
    }

    private static void Add(List<ExceptionProblem> problems, ExceptionRecord record, ExceptionProblemKind kind, YamlNode at, string field, string detail) =>
        problems.Add(new ExceptionProblem(kind, detail, record.File, at.Line, at.Column, record.FieldPath(field), record));
}
