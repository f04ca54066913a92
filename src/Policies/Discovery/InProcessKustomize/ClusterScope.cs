using System;
using System.Collections.Generic;

namespace PolicyKit.Policies.Discovery.InProcessKustomize;

/// <summary>
/// Which objects kustomize's namespace transformer leaves without a namespace. kustomize knows the cluster-scoped types
/// of its built-in schema (kyaml's precomputed table, listed here as kustomize v5.5 ships it) and gives every other
/// object a namespace, custom resources included. A built-in kind that is cluster-scoped in Kubernetes but absent from
/// that table (a newer API version) is decided by kustomize's schema, so such objects are left to kustomize.
/// </summary>
internal static class ClusterScope
{
    private static readonly HashSet<string> ClusterScoped = new(StringComparer.Ordinal)
    {
        "admissionregistration.k8s.io/v1 MutatingWebhookConfiguration",
        "admissionregistration.k8s.io/v1 ValidatingWebhookConfiguration",
        "admissionregistration.k8s.io/v1beta1 MutatingWebhookConfiguration",
        "admissionregistration.k8s.io/v1beta1 ValidatingWebhookConfiguration",
        "apiextensions.k8s.io/v1 CustomResourceDefinition",
        "apiextensions.k8s.io/v1beta1 CustomResourceDefinition",
        "apiregistration.k8s.io/v1 APIService",
        "apiregistration.k8s.io/v1beta1 APIService",
        "certificates.k8s.io/v1 CertificateSigningRequest",
        "certificates.k8s.io/v1beta1 CertificateSigningRequest",
        "flowcontrol.apiserver.k8s.io/v1beta1 FlowSchema",
        "flowcontrol.apiserver.k8s.io/v1beta1 PriorityLevelConfiguration",
        "networking.k8s.io/v1 IngressClass",
        "networking.k8s.io/v1beta1 IngressClass",
        "node.k8s.io/v1 RuntimeClass",
        "node.k8s.io/v1beta1 RuntimeClass",
        "policy/v1beta1 PodSecurityPolicy",
        "rbac.authorization.k8s.io/v1 ClusterRole",
        "rbac.authorization.k8s.io/v1 ClusterRoleBinding",
        "rbac.authorization.k8s.io/v1beta1 ClusterRole",
        "rbac.authorization.k8s.io/v1beta1 ClusterRoleBinding",
        "scheduling.k8s.io/v1 PriorityClass",
        "scheduling.k8s.io/v1beta1 PriorityClass",
        "storage.k8s.io/v1 CSIDriver",
        "storage.k8s.io/v1 CSINode",
        "storage.k8s.io/v1 StorageClass",
        "storage.k8s.io/v1 VolumeAttachment",
        "storage.k8s.io/v1beta1 CSIDriver",
        "storage.k8s.io/v1beta1 CSINode",
        "storage.k8s.io/v1beta1 StorageClass",
        "storage.k8s.io/v1beta1 VolumeAttachment",
        "v1 ComponentStatus",
        "v1 Namespace",
        "v1 Node",
        "v1 NodeProxyOptions",
        "v1 PersistentVolume",
    };

    private static readonly HashSet<string> ClusterScopedKinds = new(StringComparer.Ordinal)
    {
        "APIService", "CSIDriver", "CSINode", "CertificateSigningRequest", "ClusterRole", "ClusterRoleBinding",
        "ClusterTrustBundle", "ComponentStatus", "CustomResourceDefinition", "DeviceClass", "FlowSchema", "IPAddress",
        "IngressClass", "MutatingAdmissionPolicy", "MutatingAdmissionPolicyBinding", "MutatingWebhookConfiguration",
        "Namespace", "Node", "PersistentVolume", "PodSecurityPolicy", "PriorityClass", "PriorityLevelConfiguration",
        "RuntimeClass", "SelfSubjectAccessReview", "SelfSubjectReview", "SelfSubjectRulesReview", "ServiceCIDR",
        "StorageClass", "StorageVersion", "StorageVersionMigration", "SubjectAccessReview", "TokenReview",
        "ValidatingAdmissionPolicy", "ValidatingAdmissionPolicyBinding", "ValidatingWebhookConfiguration",
        "VolumeAttachment", "VolumeAttributesClass",
    };

    /// <summary>True when kustomize treats the object as cluster-scoped, false when namespaced, null when only its schema knows.</summary>
    public static bool? IsClusterScoped(RenderedResourceId id, string apiVersion)
    {
        if (ClusterScoped.Contains(apiVersion + " " + id.Kind))
        {
            return true;
        }

        var builtIn = id.Group.Length == 0 || id.Group.IndexOf('.') < 0 || id.Group.EndsWith(".k8s.io", StringComparison.Ordinal);
        return builtIn && ClusterScopedKinds.Contains(id.Kind) ? null : false;
    }
}
