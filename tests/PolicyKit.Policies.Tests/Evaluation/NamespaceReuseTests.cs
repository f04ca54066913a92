using System.Linq;
using PolicyKit.Policies.Configuration;
using PolicyKit.Policies.Evaluation;
using PolicyKit.Policies.Loading;

namespace PolicyKit.Policies.Tests.Evaluation;

/// <summary>
/// Reuse across runs stays safe with Namespaces in changed files: a Namespace whose Pod Security labels did not change
/// judges pods elsewhere alike, so their findings are taken over; one whose labels changed makes every file judged again.
/// </summary>
public sealed class NamespaceReuseTests
{
    private const string Pod = "apiVersion: v1\nkind: Pod\nmetadata: {name: web, namespace: shop}\nspec:\n  containers:\n    - {name: web, image: odoo:17.0, securityContext: {privileged: true}}\n";

    private static string Namespace(string level, string comment = "") =>
        $"{comment}apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n  labels: {{pod-security.kubernetes.io/enforce: {level}}}\n";

    private static EvaluationResult Run(string namespaceText, EvaluationResult? previous, bool namespaceChanged)
    {
        var sources = new[] { ManifestSource.FromText("ns.yaml", namespaceText), ManifestSource.FromText("pod.yaml", Pod) };
        var reuse = previous is null ? null : new EvaluationReuse(previous, namespaceChanged ? new[] { "pod.yaml" } : new[] { "ns.yaml", "pod.yaml" });
        return PolicyEngine.Evaluate(new EvaluationRequest(sources, PolicyConfig.Defaults("/")) { Reuse = reuse });
    }

    [Fact]
    public void A_changed_namespace_file_with_the_same_labels_keeps_the_other_files_findings()
    {
        var first = Run(Namespace("restricted"), null, namespaceChanged: false);

        var second = Run(Namespace("restricted", "# owner: shop team\n"), first, namespaceChanged: true);

        Assert.Equal(1, second.FilesReused);
        Assert.Equal(first.Findings.Select(f => f.Fingerprint), second.Findings.Select(f => f.Fingerprint));
    }

    [Fact]
    public void A_namespace_whose_labels_changed_judges_every_file_again()
    {
        var first = Run(Namespace("restricted"), null, namespaceChanged: false);

        var second = Run(Namespace("privileged"), first, namespaceChanged: true);

        // Under privileged enforcement the pod's Pod Security findings go: the pod was judged again, not taken over.
        Assert.Equal(0, second.FilesReused);
        Assert.True(second.Findings.Count(f => f.File == "pod.yaml") < first.Findings.Count(f => f.File == "pod.yaml"));
    }
}
