using System;
using System.Collections.Generic;

namespace PolicyKit.Policies.Discovery.InProcessKustomize;

/// <summary>
/// The order <c>kustomize build</c> prints resources in by default ("legacy" sort): a fixed list of kinds first and
/// webhooks last, the rest by group, version and kind, then by namespace and name. Which resource comes first is what
/// the cross-resource and tenancy rules see first, so the in-process build keeps the same order.
/// </summary>
internal sealed class LegacyResourceOrder : IComparer<LegacyResourceOrder.SortKey>
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

    /// <summary>
    /// What the order compares of one resource, worked out once: a sort compares each resource many times, and building
    /// its texts on every comparison was most of what ordering a build allocated.
    /// </summary>
    public static SortKey KeyOf(RenderedResourceId id) => new(id, RankOf(id.Kind), GvkText(id), IdText(id));

    public int Compare(SortKey? x, SortKey? y)
    {
        if (x is null || y is null)
        {
            return x is null ? (y is null ? 0 : -1) : 1;
        }

        var (idX, idY) = (x.Id, y.Id);
        if (idX.Group != idY.Group || idX.Version != idY.Version || idX.Kind != idY.Kind)
        {
            if (x.Rank != y.Rank)
            {
                return x.Rank.CompareTo(y.Rank);
            }

            var order = string.CompareOrdinal(x.GvkText, y.GvkText);
            return idX.Kind == "Namespace" && idY.Kind == "Namespace" && (idX.Group.Length == 0 || idY.Group.Length == 0) ? -order : order;
        }

        return string.CompareOrdinal(x.IdText, y.IdText);
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

    /// <summary>A resource's place in the order: its identity, its kind's rank and the texts kustomize compares.</summary>
    internal sealed class SortKey
    {
        public SortKey(RenderedResourceId id, int rank, string gvkText, string idText)
        {
            Id = id;
            Rank = rank;
            GvkText = gvkText;
            IdText = idText;
        }

        public RenderedResourceId Id { get; }

        public int Rank { get; }

        public string GvkText { get; }

        public string IdText { get; }
    }
}
