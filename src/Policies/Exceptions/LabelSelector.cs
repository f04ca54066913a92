using System;
using System.Collections.Generic;
using System.Linq;

namespace PolicyKit.Policies.Exceptions;

/// <summary>
/// A Kubernetes label selector (<c>matchLabels</c> and <c>matchExpressions</c>, ANDed) evaluated against the judged
/// object's own <c>metadata.labels</c>, exactly as <c>kubectl get -l</c> and Kyverno's exception selectors read it.
/// </summary>
public sealed class LabelSelector
{
    public LabelSelector(IReadOnlyList<KeyValuePair<string, string>> matchLabels, IReadOnlyList<LabelRequirement> matchExpressions)
    {
        MatchLabels = matchLabels;
        MatchExpressions = matchExpressions;
    }

    public IReadOnlyList<KeyValuePair<string, string>> MatchLabels { get; }

    public IReadOnlyList<LabelRequirement> MatchExpressions { get; }

    /// <summary>A selector with no requirement selects everything, as in Kubernetes.</summary>
    public bool IsEmpty => MatchLabels.Count == 0 && MatchExpressions.Count == 0;

    public bool Matches(IReadOnlyDictionary<string, string> labels)
    {
        foreach (var pair in MatchLabels)
        {
            if (!labels.TryGetValue(pair.Key, out var value) || !string.Equals(value, pair.Value, StringComparison.Ordinal))
            {
                return false;
            }
        }

        foreach (var requirement in MatchExpressions)
        {
            if (!requirement.Matches(labels))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The selector in <c>kubectl -l</c> syntax: <c>app=redis,tier in (cache,db),!legacy</c>.</summary>
    public override string ToString() =>
        string.Join(",", MatchLabels.Select(p => $"{p.Key}={p.Value}").Concat(MatchExpressions.Select(e => e.ToString())));
}
