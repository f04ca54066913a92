using System;
using System.Collections.Generic;

namespace PolicyKit.Policies.CrossResource;

/// <summary>
/// Every fact recorded while the files streamed, grouped by fact type, in input order (files in the order they were
/// given, resources in file order), so cross-resource judgements see the same sequence whatever the thread timing.
/// </summary>
internal sealed class CrossResourceIndex
{
    private readonly Dictionary<Type, List<ResourceFact>> byType = new();

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

    /// <summary>The facts of type <typeparamref name="T"/> (exactly that type), in input order.</summary>
    public IEnumerable<T> All<T>()
        where T : ResourceFact
    {
        if (!byType.TryGetValue(typeof(T), out var list))
        {
            yield break;
        }

        foreach (var fact in list)
        {
            yield return (T)fact;
        }
    }
}
