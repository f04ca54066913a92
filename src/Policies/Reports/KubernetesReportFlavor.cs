namespace PolicyKit.Policies.Reports;

/// <summary>The two report APIs Kubernetes policy dashboards read (Policy Reporter, Kyverno's tooling).</summary>
public enum KubernetesReportFlavor
{
    /// <summary><c>openreports.io/v1alpha1</c> <c>Report</c> and <c>ClusterReport</c>.</summary>
    OpenReports,

    /// <summary>The older <c>wgpolicyk8s.io/v1alpha2</c> <c>PolicyReport</c> and <c>ClusterPolicyReport</c>.</summary>
    PolicyReport,
}
