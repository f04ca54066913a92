using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using PolicyKit.Policies.Configuration;
using PolicyKit.Policies.Evaluation;
using PolicyKit.Policies.Exceptions;
using PolicyKit.Policies.Loading;
using PolicyKit.Policies.Reports;
using PolicyKit.Policies.Reports.Exceptions;
using PolicyKit.Policies.Rules;
using PolicyKit.Testing;

namespace PolicyKit.Policies.Tests.Exceptions;

/// <summary>
/// The sample tenant (samples/odoo-distribution and its exceptions/ folder) judged on 2026-11-28, the day the README
/// shows. It is judged by the core pack alone, with the sample's production environment, so the approved registers
/// change only when exceptions or the core rules do, not with every other pack. The audit trail is fixed, as git
/// history of the working tree is not.
/// </summary>
internal static class SampleRegister
{
    public static readonly Lazy<EvaluationResult> Result = new(Evaluate);

    public static readonly ToolInfo Tool = new("policykit", "0.1.0", "https://github.com/policykit/policykit");

    public static ExceptionRegister Register(AuditTrail? trail = null) =>
        ExceptionRegister.From(Result.Value, trail ?? FixedTrail(Result.Value.Exceptions));

    public static string Write(ExceptionReportFormat format, ExceptionRegister? register = null)
    {
        using var stream = new MemoryStream();
        ExceptionReportWriter.Write(register ?? Register(), format, Tool, stream);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static EvaluationResult Evaluate()
    {
        var sample = RepositoryPaths.Combine("samples", "odoo-distribution");
        VersionRange.TryParse("^1.0", out var core);
        var config = new PolicyConfig(
            "samples/odoo-distribution/policykit.yaml",
            sample,
            new[] { new PackSelection("core", core!) },
            Array.Empty<string>(),
            Severity.High,
            new[] { new PolicyEnvironment("production", new[] { new PathGlob("**") }, true, Severity.Medium, new Dictionary<string, RuleOverride>()) },
            new Dictionary<string, RuleOverride>(),
            Array.Empty<PathGlob>(),
            LoaderLimits.Default)
        {
            Exceptions = ExceptionSettings.Default,
        };
        var sources = InputCollector.Collect(new[] { sample }, config, RepositoryPaths.Root);
        return PolicyEngine.Evaluate(new EvaluationRequest(sources, config) { Now = ExceptionText.Day });
    }

    /// <summary>Each file added by Maria Lopez on 2026-08-03 and last changed by Jonas Berg on 2026-11-20.</summary>
    private static AuditTrail FixedTrail(ExceptionReview review)
    {
        var added = new GitCommit("3f2a9c1e0b7d4a6f8e5c2b1a0d9e8f7c6b5a4d3e", "Maria Lopez", "maria.lopez@acme.example", new DateTimeOffset(2026, 8, 3, 9, 12, 0, TimeSpan.Zero));
        var changed = new GitCommit("9d8c7b6a5f4e3d2c1b0a9f8e7d6c5b4a3f2e1d0c", "Jonas Berg", "jonas.berg@acme.example", new DateTimeOffset(2026, 11, 20, 15, 47, 0, TimeSpan.Zero));
        return new AuditTrail(true, null, review.Files.ToDictionary(f => f.DisplayPath, _ => new FileHistory(added, changed, false), StringComparer.Ordinal));
    }
}
