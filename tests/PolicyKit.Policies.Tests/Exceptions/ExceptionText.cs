using System;
using System.Collections.Generic;
using System.Linq;
using PolicyKit.Policies.Configuration;
using PolicyKit.Policies.Evaluation;
using PolicyKit.Policies.Loading;

namespace PolicyKit.Policies.Tests.Exceptions;

/// <summary>
/// Builds exception files with a fixed layout, so tests can name lines: in a file of one record, line 2 is <c>id</c>,
/// 3 <c>rules</c>, 4 <c>scope</c>, 5 <c>owner</c>, 6 <c>approver</c>, 7 <c>justification</c>, 8 <c>ticket</c>,
/// 9 <c>created</c>, 10 <c>expires</c>. Runs the engine over in-memory manifests on a pinned day.
/// </summary>
internal static class ExceptionText
{
    public const string FileName = "exceptions/waivers.yaml";

    public static readonly DateTimeOffset Day = ExceptionExamples.Day;

    public static string File(params string[] records) => "exceptions:\n" + string.Concat(records);

    public static string Record(
        string id = "EX-1",
        string rules = "[PK1009]",
        string scope = "{namespaces: [odoo-acme], kinds: [StatefulSet], names: [redis]}",
        string owner = "maria.lopez@acme.example",
        string approver = "jonas.berg@acme.example",
        string justification = "Redis fixes /data ownership as root until CHG-4802.",
        string ticket = "CHG-4711",
        string created = "2026-11-20",
        string expires = "2027-02-15",
        string extra = "") =>
        $"  - id: {id}\n    rules: {rules}\n    scope: {scope}\n    owner: {owner}\n    approver: {approver}\n    justification: {justification}\n    ticket: {ticket}\n    created: {created}\n    expires: {expires}\n{extra}";

    /// <summary>The Redis StatefulSet of the rule examples (PK1009 and PK1001 report it), in another namespace if asked.</summary>
    public static string Redis(string @namespace = "odoo-acme", string kind = "StatefulSet", string name = "redis") =>
        ExceptionExamples.Fixture.Replace("namespace: odoo-acme", "namespace: " + @namespace).Replace("kind: StatefulSet", "kind: " + kind).Replace("name: redis\n  namespace", $"name: {name}\n  namespace");

    public static EvaluationResult Run(
        string exceptionFile,
        string? manifests = null,
        DateTimeOffset? now = null,
        PolicyConfig? config = null,
        string? environment = null,
        IReadOnlyCollection<string>? categories = null) =>
        PolicyEngine.Evaluate(new EvaluationRequest(new[] { ManifestSource.FromText("manifests.yaml", manifests ?? Redis()) }, config ?? PolicyConfig.Defaults("/"))
        {
            ExceptionSources = new[] { ManifestSource.FromText(FileName, exceptionFile) },
            Now = now ?? Day,
            Environment = environment,
            Categories = categories ?? Array.Empty<string>(),
        });

    public static Finding Single(EvaluationResult result, string ruleId) => result.Findings.Single(f => f.RuleId == ruleId);

    public static IReadOnlyList<Finding> Of(EvaluationResult result, string ruleId) => result.Findings.Where(f => f.RuleId == ruleId).ToList();
}
