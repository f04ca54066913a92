using System.Collections.Generic;
using System.Runtime.CompilerServices;
using PolicyKit.Policies.Diff.Access;

namespace PolicyKit.Policies.Metrics;

/// <summary>
/// The keys of the access facts of the last two releases, built once per fact: a file whose findings are taken over
/// keeps its very fact objects, so comparing consecutive releases builds keys only for the files judged again.
/// </summary>
internal sealed class AccessKeyMemory
{
    private Dictionary<AccessFact, (string Key, string ResourceKey)> earlier = new(SameObject.Instance);
    private Dictionary<AccessFact, (string Key, string ResourceKey)> latest = new(SameObject.Instance);

    /// <summary>Makes <paramref name="facts"/> the latest release's; the previous latest become the earlier ones.</summary>
    public void Advance(IReadOnlyList<AccessFact> facts)
    {
        var next = new Dictionary<AccessFact, (string Key, string ResourceKey)>(facts.Count, SameObject.Instance);
        foreach (var fact in facts)
        {
            if (!next.ContainsKey(fact))
            {
                next[fact] = latest.TryGetValue(fact, out var known) ? known : (fact.Key, fact.ResourceKey);
            }
        }

        earlier = latest;
        latest = next;
    }

    public string KeyOf(AccessFact fact) => Of(fact).Key;

    public string ResourceKeyOf(AccessFact fact) => Of(fact).ResourceKey;

    private (string Key, string ResourceKey) Of(AccessFact fact) =>
        latest.TryGetValue(fact, out var keys) || earlier.TryGetValue(fact, out keys) ? keys : (fact.Key, fact.ResourceKey);

    /// <summary>Facts are records (equal by value); the memory is about the objects themselves.</summary>
    private sealed class SameObject : IEqualityComparer<AccessFact>
    {
        public static readonly SameObject Instance = new();

        public bool Equals(AccessFact? x, AccessFact? y) => ReferenceEquals(x, y);

        public int GetHashCode(AccessFact obj) => RuntimeHelpers.GetHashCode(obj);
    }
}
