using System.Linq;
using PolicyKit.Policies.Configuration;
using PolicyKit.Policies.Diff;
using PolicyKit.Policies.Diff.Access;
using PolicyKit.Policies.Diff.Governance;
using PolicyKit.Policies.Evaluation;
using PolicyKit.Policies.Loading;
using PolicyKit.Policies.Rules;
using PolicyKit.Policies.Tests.Exceptions;

namespace PolicyKit.Policies.Tests.Reports;

/// <summary>
/// A pull request judged in memory, as <c>check --base</c> judges one: the base holds the Redis StatefulSet whose
/// PK1009 an exception waives; the head adds a privileged worker, a ClusterRole that reads Secrets and a LoadBalancer
/// Service, fixes nothing else, and disables PK1007 in its policy.
/// </summary>
internal static class SampleChange
{
    private const string Worker = """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: worker, namespace: odoo-acme}
        spec:
          template:
            spec:
              containers:
                - name: worker
                  image: odoo:17.0
                  securityContext: {privileged: true}
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata: {name: odoo-secrets}
        rules:
          - {apiGroups: [""], resources: [secrets], verbs: [get, list]}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: odoo, namespace: odoo-acme}
        spec: {type: LoadBalancer, ports: [{port: 8069}]}
        """;

    public static ChangeReview Review()
    {
        var baseResult = Evaluate(ManifestSource.FromText("tenants/acme/redis.yaml", ExceptionText.Redis()));
        var head = Evaluate(ManifestSource.FromText("tenants/acme/redis.yaml", ExceptionText.Redis()), ManifestSource.FromText("tenants/acme/worker.yaml", Worker));
        var pack = RuleCatalog.BuiltIn.Packs.Single(p => p.Name == GovernancePack.Name);
        var governance = GovernanceComparer.Compare(
            PolicySnapshot.Read(ManifestSource.FromText("policykit.yaml", "failOn: high\n"), new[] { ExceptionSource() }),
            PolicySnapshot.Read(ManifestSource.FromText("policykit.yaml", "failOn: high\nrules:\n  PK1007: { enabled: false }\n"), new[] { ExceptionSource() }),
            RuleCatalog.BuiltIn);
        var judged = head.With(GovernanceFindings.From(governance, pack, Severity.High, advisory: false), pack);
        var comparison = FindingComparison.Compare(judged.Findings, baseResult.Findings.Select(RecordedFinding.From).ToList());
        return new ChangeReview(judged, baseResult, comparison, ComparisonBasis.ForCommit("origin/main", "3f798a9c12ab45de67f8901a2b3c4d5e6f708192"), PolicySide.Base, failOnExisting: false)
        {
            AccessChanges = AccessDiff.Compare(baseResult.Access, head.Access),
        };
    }

    private static ManifestSource ExceptionSource() => ManifestSource.FromText(ExceptionText.FileName, ExceptionText.File(ExceptionText.Record(id: "EX-2026-014", expires: "2026-12-10")));

    private static EvaluationResult Evaluate(params ManifestSource[] sources) =>
        PolicyEngine.Evaluate(new EvaluationRequest(sources, PolicyConfig.Defaults("/"))
        {
            ExceptionSources = new[] { ExceptionSource() },
            Now = ExceptionText.Day,
            RecordAccess = true,
        });
}
