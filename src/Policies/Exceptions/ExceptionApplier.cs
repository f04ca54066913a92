using System;
using System.Collections.Generic;
using System.Linq;
using PolicyKit.Policies.Checks;
using PolicyKit.Policies.Configuration;
using PolicyKit.Policies.Evaluation;
using PolicyKit.Policies.Loading;
using PolicyKit.Policies.Rules;

namespace PolicyKit.Policies.Exceptions;

/// <summary>
/// The step after evaluation that gives exception records their effect: it reads and validates the records, marks
/// every finding an active, valid record matches as suppressed (it stays in every report), and turns the records'
/// problems and states (invalid, expired, expiring, unused) into findings of the <c>exceptions</c> pack.
/// </summary>
internal static class ExceptionApplier
{
    /// <summary>
    /// Gives matching <paramref name="findings"/> their suppression and adds the records' findings to them. Exception files
    /// are judged by the environment their path falls in, as manifests are (<paramref name="environmentOf"/>).
    /// </summary>
    public static ExceptionReview Apply(
        List<Finding> findings,
        IReadOnlyList<ManifestSource> sources,
        RuleCatalog catalog,
        IReadOnlyList<RulePack> packs,
        IReadOnlyList<Rule> rulesInForce,
        PolicyConfig config,
        DateTimeOffset now,
        Func<ManifestSource, EnvironmentRuleSet> environmentOf)
    {
        var settings = config.Exceptions;
        var knownRules = KnownRules(catalog, packs);
        var directory = ExceptionFiles.DisplayDirectory(config);
        var directoryFullPath = config.Exceptions.DirectoryUnder(config.RootDirectory);
        if (sources.Count == 0)
        {
            return ExceptionReview.Empty(now, settings, directory, directoryFullPath, ProblemRules(knownRules));
        }

        var today = UtcDates.Today(now);
        var records = new List<ExceptionRecord>();
        var problems = new List<ExceptionProblem>();
        foreach (var source in sources)
        {
            ExceptionFileReader.Read(source, config.Limits, records, problems);
        }

        ExceptionValidator.Validate(records, knownRules, config, today, problems);
        var invalid = new HashSet<ExceptionRecord>(problems.Where(p => p.Record is not null && p.Kind.Invalidates()).Select(p => p.Record!));
        var active = records.Where(r => !invalid.Contains(r) && r.Expires >= today).ToList();
        var matches = Match(findings, active);

        var inForce = new HashSet<string>(rulesInForce.Select(r => r.Id), StringComparer.Ordinal);
        var outcomes = new List<ExceptionOutcome>(records.Count);
        foreach (var record in records)
        {
            var daysRemaining = record.Expires is { } expires ? (int?)(expires - today).Days : null;
            var ageDays = record.Created is { } created ? (int?)(today - created).Days : null;
            var waived = matches.TryGetValue(record, out var matched) ? matched : (IReadOnlyList<Finding>)Array.Empty<Finding>();
            var judged = record.WaivedRules.Count > 0 && record.WaivedRules.All(r => inForce.Contains(r.Id));
            var status = Status(record, invalid.Contains(record), daysRemaining, waived.Count, judged, settings);
            switch (status)
            {
                case ExceptionStatus.Expired:
                    problems.Add(StateProblem(record, ExceptionProblemKind.Expired, "expires", $"{UtcDates.FormatDate(record.Expires!.Value)} ({Days(-daysRemaining!.Value)} ago)"));
                    break;
                case ExceptionStatus.Expiring:
                    problems.Add(StateProblem(record, ExceptionProblemKind.Expiring, "expires", $"{UtcDates.FormatDate(record.Expires!.Value)} ({(daysRemaining == 0 ? "today: its last day in force" : "in " + Days(daysRemaining!.Value))})"));
                    break;
                case ExceptionStatus.Unused:
                    problems.Add(StateProblem(record, ExceptionProblemKind.Unused, "id", $"no finding of {string.Join(", ", record.Rules.Select(r => r.Text))} matches its scope ({record.Scope})"));
                    break;
            }

            outcomes.Add(new ExceptionOutcome(record, status, daysRemaining, ageDays, waived, problems.Where(p => ReferenceEquals(p.Record, record)).ToList(), judged));
        }

        var sourceByFile = sources.GroupBy(s => s.DisplayPath).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        findings.AddRange(ToFindings(problems, rulesInForce, config, sourceByFile, environmentOf));
        return new ExceptionReview(now, settings, directory, directoryFullPath, sources, outcomes, problems.Where(p => p.Record is null).ToList(), ProblemRules(knownRules));
    }

    /// <summary>
    /// Matches findings to active records. A finding every matching record counts as "used"; its suppression names the
    /// first matching record in file and position order, so the choice never depends on timing.
    /// </summary>
    private static Dictionary<ExceptionRecord, List<Finding>> Match(List<Finding> findings, List<ExceptionRecord> active)
    {
        var matches = new Dictionary<ExceptionRecord, List<Finding>>();
        if (active.Count == 0)
        {
            return matches;
        }

        var waivedIds = active.ToDictionary(r => r, r => new HashSet<string>(r.WaivedRules.Select(w => w.Id), StringComparer.Ordinal));
        foreach (var finding in findings.OrderBy(f => f.File, StringComparer.Ordinal).ThenBy(f => f.Line).ThenBy(f => f.Column).ThenBy(f => f.RuleId, StringComparer.Ordinal))
        {
            if (!ExceptionValidator.IsWaivable(finding.Rule))
            {
                continue;
            }

            ExceptionSubject? subject = null;
            foreach (var record in active)
            {
                if (!waivedIds[record].Contains(finding.RuleId))
                {
                    continue;
                }

                subject ??= ExceptionSubject.Of(finding);
                if (!record.Scope!.Matches(subject))
                {
                    continue;
                }

                if (!matches.TryGetValue(record, out var list))
                {
                    matches[record] = list = new List<Finding>();
                }

                list.Add(finding);
                finding.Suppression ??= new Suppression(record);
            }
        }

        return matches;
    }

    private static ExceptionStatus Status(ExceptionRecord record, bool isInvalid, int? daysRemaining, int matched, bool judged, ExceptionSettings settings)
    {
        if (isInvalid)
        {
            return ExceptionStatus.Invalid;
        }

        if (daysRemaining < 0)
        {
            return ExceptionStatus.Expired;
        }

        if (matched == 0 && judged)
        {
            return ExceptionStatus.Unused;
        }

        return daysRemaining <= settings.ExpiringWithinDays ? ExceptionStatus.Expiring : ExceptionStatus.Active;
    }

    private static ExceptionProblem StateProblem(ExceptionRecord record, ExceptionProblemKind kind, string field, string detail)
    {
        var at = record.Locate(field);
        return new ExceptionProblem(kind, detail, record.File, at.Line, at.Column, record.FieldPath(field), record);
    }

    private static IEnumerable<Finding> ToFindings(
        List<ExceptionProblem> problems,
        IReadOnlyList<Rule> rulesInForce,
        PolicyConfig config,
        Dictionary<string, ManifestSource> sourceByFile,
        Func<ManifestSource, EnvironmentRuleSet> environmentOf)
    {
        var rules = new Dictionary<ExceptionProblemKind, Rule>();
        foreach (var rule in rulesInForce)
        {
            if (rule.Check is ExceptionRecordCheck check)
            {
                rules[check.Problem] = rule;
            }
        }

        foreach (var problem in problems)
        {
            if (!rules.TryGetValue(problem.Kind, out var rule))
            {
                continue;
            }

            var environment = environmentOf(problem.Record?.Source ?? sourceByFile[problem.File]);
            config.Rules.TryGetValue(rule.Id, out var policyOverride);
            RuleOverride? environmentOverride = null;
            environment.Environment?.Rules.TryGetValue(rule.Id, out environmentOverride);
            var effective = (policyOverride ?? new RuleOverride(null, null)).Then(environmentOverride);
            if (effective.Enabled == false)
            {
                continue;
            }

            var severity = effective.Severity ?? rule.Severity;
            var record = problem.Record;
            var message = rule.Message.Format(new[]
            {
                ViolationSink.Argument("exception", record?.DisplayName ?? problem.File),
                ViolationSink.Argument("detail", problem.Detail),
            });

            // Records are identified by id; without one (or when two share it) the file keeps fingerprints apart.
            var identity = record?.Id is null || problem.Kind == ExceptionProblemKind.DuplicateId ? $"{problem.File}#{problem.FieldPath}@{record?.Position}" : problem.FieldPath;
            var properties = record?.Id is { } id
                ? new[] { new KeyValuePair<string, string>("exceptionId", id) }
                : Array.Empty<KeyValuePair<string, string>>();
            yield return new Finding(
                rule,
                severity,
                message,
                null,
                problem.File,
                problem.Line,
                problem.Column,
                problem.FieldPath,
                ExceptionFingerprint.For(rule.Id, environment.Name, identity),
                environment.Name,
                environment.Blocks(severity),
                properties);
        }
    }

    private static IReadOnlyDictionary<ExceptionProblemKind, Rule> ProblemRules(IReadOnlyList<Rule> knownRules)
    {
        var rules = new Dictionary<ExceptionProblemKind, Rule>();
        foreach (var rule in knownRules)
        {
            if (rule.Check is ExceptionRecordCheck check && !rules.ContainsKey(check.Problem))
            {
                rules[check.Problem] = rule;
            }
        }

        return rules;
    }

    /// <summary>
    /// Every rule an exception may name: those of the packs in force (whatever the category filter), then those of other
    /// available packs, so a record for a pack this policy does not use is not mistaken for a typo.
    /// </summary>
    private static IReadOnlyList<Rule> KnownRules(RuleCatalog catalog, IReadOnlyList<RulePack> packs)
    {
        var known = new Dictionary<string, Rule>(StringComparer.Ordinal);
        foreach (var rule in packs.SelectMany(p => p.Rules).Concat(catalog.Rules))
        {
            if (!known.ContainsKey(rule.Id))
            {
                known[rule.Id] = rule;
            }
        }

        return known.Values.OrderBy(r => r.Id, StringComparer.Ordinal).ToList();
    }

    private static string Days(int days) => days == 1 ? "1 day" : $"{days} days";
}
