using System;
using System.Collections.Concurrent;
using System.Collections.Generic;

namespace PolicyKit.Policies.CrossResource;

/// <summary>
/// Every fact recorded while the files streamed, grouped by fact type, in input order (files in the order they were
/// given, resources in file order), so cross-resource judgements see the same sequence whatever the thread timing.
/// Rules are judged in parallel over one index, so each view is built once, by whichever rule asks first.
/// </summary>
internal sealed class CrossResourceIndex
{
    private readonly Dictionary<Type, List<ResourceFact>> byType = new();
    private readonly ConcurrentDictionary<Type, Lazy<object>> derived = new();
    private readonly ConcurrentDictionary<Type, Lazy<object>> byNamespace = new();
    private readonly ConcurrentDictionary<Type, Lazy<object>> typed = new();

    public CrossResourceIndex(IEnumerable<IReadOnlyList<ResourceFact>> factsPerFile)
    {
        foreach (var facts in factsPerFile)
        {
            foreach (var fact in facts)
            {
                var type = fact.GetType();
                if (!byType.TryGetValue(type, out var list))
                {
                    byType[type] = list = new List<ResourceFact>();
                }

                list.Add(fact);
            }
        }
    }

    /// <summary>
    /// A view several checks share (a lookup of Services by name, the Odoo servers with their configuration), built on
    /// first use and kept for the rest of the judgement, so each rule does not rebuild it or join facts pairwise.
    /// </summary>
    public T Derived<T>(Func<CrossResourceIndex, T> build)
        where T : class =>
        (T)Once(derived, typeof(T), () => build(this));

    /// <summary>
    /// The facts of type <typeparamref name="T"/> whose object is in namespace <paramref name="ns"/> (null: objects
    /// without one), in input order. Rules that pair objects of one namespace look them up here rather than scanning
    /// every tenant's facts for each object, which would grow with the square of the repository.
    /// </summary>
    public IReadOnlyList<T> InNamespace<T>(string? ns)
        where T : ResourceFact
    {
        var grouped = (Dictionary<string, List<T>>)Once(byNamespace, typeof(T), () =>
        {
            var groups = new Dictionary<string, List<T>>(StringComparer.Ordinal);
            foreach (var fact in All<T>())
            {
                var key = NamespaceKey(fact.Origin.Namespace);
                if (!groups.TryGetValue(key, out var list))
                {
                    groups[key] = list = new List<T>();
                }

                list.Add(fact);
            }

            return groups;
        });
        return grouped.TryGetValue(NamespaceKey(ns), out var found) ? found : (IReadOnlyList<T>)Array.Empty<T>();
    }

    // A namespace name never holds a NUL, so it stands for "no namespace".
    private static string NamespaceKey(string? ns) => ns ?? "\0";

    /// <summary>
    /// The facts of type <typeparamref name="T"/> (exactly that type), in input order: typed once per run, since every
    /// rule walks them and a cast per fact per rule adds up over a large repository.
    /// </summary>
    public IReadOnlyList<T> All<T>()
        where T : ResourceFact =>
        (List<T>)Once(typed, typeof(T), () => byType.TryGetValue(typeof(T), out var list) ? list.ConvertAll(f => (T)f) : new List<T>());

    private static object Once(ConcurrentDictionary<Type, Lazy<object>> views, Type key, Func<object> build) =>
        views.GetOrAdd(key, _ => new Lazy<object>(build)).Value;
}
