using System;
using System.Collections.Generic;

namespace PolicyKit.Policies.Discovery.InProcessKustomize;

/// <summary>
/// The order <c>kustomize build</c> prints resources in by default ("legacy" sort): a fixed list of kinds first and
/// webhooks last, the rest by group, version and kind, then by namespace and name. Which resource comes first is what
/// the cross-resource and tenancy rules see first, so the in-process build keeps the same order.
/// </summary>
internal sealed class LegacyResourceOrder : IComparer<RenderedResourceId>
{
    private static readonly string[] First =
    {
        "Namespace", "ResourceQuota", "StorageClass", "CustomResourceDefinition", "ServiceAccount", "PodSecurityPolicy",
        "Role", "ClusterRole", "RoleBinding", "ClusterRoleBinding", "ConfigMap", "Secret", "Endpoints", "Service",
        "LimitRange", "PriorityClass", "PersistentVolume", "PersistentVolumeClaim", "Deployment", "StatefulSet", "CronJob",
        "PodDisruptionBudget",
    };

    private static readonly string[] Last = { "MutatingWebhookConfiguration", "ValidatingWebhookConfiguration" };

    private static readonly Dictionary<string, int> Rank = Ranks();

    public static LegacyResourceOrder Instance { get; } = new();

    public int Compare(RenderedResourceId? x, RenderedResourceId? y)
    {
        if (x is null || y is null)
        {
            return x is null ? (y is null ? 0 : -1) : 1;
        }

        if (x.Group != y.Group || x.Version != y.Version || x.Kind != y.Kind)
        {
            var (rankX, rankY) = (RankOf(x.Kind), RankOf(y.Kind));
            if (rankX != rankY)
            {
                return rankX.CompareTo(rankY);
            }

            var order = string.CompareOrdinal(GvkText(x), GvkText(y));
            return x.Kind == "Namespace" && y.Kind == "Namespace" && (x.Group.Length == 0 || y.Group.Length == 0) ? -order : order;
        }

        return string.CompareOrdinal(IdText(x), IdText(y));
    }

    private static int RankOf(string kind) => Rank.TryGetValue(kind, out var rank) ? rank : 0;

    private static string GvkText(RenderedResourceId id) =>
        (id.Group.Length == 0 ? "~G" : id.Group) + "_" + (id.Version.Length == 0 ? "~V" : id.Version) + "_" + (id.Kind.Length == 0 ? "~K" : id.Kind);

    private static string IdText(RenderedResourceId id) =>
        GvkText(id) + "|" + (id.Namespace.Length == 0 ? "~X" : id.Namespace) + "|" + (id.Name.Length == 0 ? "~N" : id.Name);

    private static Dictionary<string, int> Ranks()
    {
        var ranks = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < First.Length; i++)
        {
            ranks[First[i]] = i - First.Length;
        }

        for (var i = 0; i < Last.Length; i++)
        {
            ranks[Last[i]] = i + 1;
        }

        return ranks;
    }
}
