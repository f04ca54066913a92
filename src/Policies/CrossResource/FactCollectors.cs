using System;
using System.Collections.Concurrent;
using System.Linq;
using PolicyKit.Policies.CrossResource.Collectors;

namespace PolicyKit.Policies.CrossResource;

/// <summary>
/// Every <see cref="FactCollector"/> of the engine, in the order facts are recorded. A new concern adds its collector
/// here, one line; the list is explicit rather than found by reflection so that the trimmed Native AOT gate keeps
/// every collector.
/// </summary>
internal static class FactCollectors
{
    private static readonly FactCollector[] All =
    {
        new ConfigMapValuesCollector(),
        new NamespaceCollector(),
        new NamespaceGuardCollector(),
        new OdooConfigCollector(),
        new PersistentVolumeClaimCollector(),
        new RouteCollector(),
        new ServiceCollector(),
        new WorkloadCollector(),

        // The platform pack's concerns (rules/platform).
        new Platform.AvailabilityCollector(),
        new Platform.CnpgCollector(),
        new Platform.ExternalSecretsCollector(),
        new Platform.NetworkPolicyCollector(),
        new Platform.OdooWorkloadCollector(),
        new Platform.RedisWorkloadCollector(),
        new Platform.SecretReferenceCollector(),
        new Platform.TraefikCollector(),
        new Platform.VolumeBackupCollector(),
    };

    private static readonly ConcurrentDictionary<string, FactCollector[]> ByKind = new(StringComparer.Ordinal);

    public static FactCollector[] ForKind(string kind) =>
        ByKind.GetOrAdd(kind, k => All.Where(c => c.AppliesToKind(k)).ToArray());

    /// <summary>The collectors' type names, in the order they run (documentation and tests).</summary>
    public static string[] Names => All.Select(c => c.GetType().Name).ToArray();
}
