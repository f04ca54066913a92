using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Reflection;

namespace PolicyKit.Policies.CrossResource;

/// <summary>
/// Every <see cref="FactCollector"/> of the engine, found once by reflection and ordered by type name so that facts are
/// recorded in the same order on every run. A new concern is one new collector class; nothing here changes.
/// </summary>
internal static class FactCollectors
{
    private static readonly Lazy<FactCollector[]> All = new(Discover);
    private static readonly ConcurrentDictionary<string, FactCollector[]> ByKind = new(StringComparer.Ordinal);

    public static FactCollector[] ForKind(string kind) =>
        ByKind.GetOrAdd(kind, k => All.Value.Where(c => c.AppliesToKind(k)).ToArray());

    /// <summary>The collectors' type names, in the order they run (documentation and tests).</summary>
    public static string[] Names => All.Value.Select(c => c.GetType().Name).ToArray();

    private static FactCollector[] Discover() =>
        typeof(FactCollector).GetTypeInfo().Assembly.DefinedTypes
            .Where(t => !t.IsAbstract && typeof(FactCollector).GetTypeInfo().IsAssignableFrom(t))
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => (FactCollector)Activator.CreateInstance(t.AsType())!)
            .ToArray();
}
