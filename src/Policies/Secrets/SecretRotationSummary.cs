using System;
using System.Collections.Generic;

namespace PolicyKit.Policies.Secrets;

/// <summary>
/// The run's rotation metric: how many secret-bearing objects were measured, how many comply, their ratio (null when
/// there are none) and the verdict for each, sorted by file, line, kind and name. Measured for every run, whichever
/// rules are in force, so the governance metric does not depend on the packs a policy selects.
/// </summary>
public sealed class SecretRotationSummary
{
    public SecretRotationSummary(IReadOnlyList<SecretRotationItem> items)
    {
        var sorted = new List<SecretRotationItem>(items);
        sorted.Sort(Compare);
        Items = sorted;
        foreach (var item in items)
        {
            if (item.Compliant)
            {
                Compliant++;
            }
        }
    }

    public static SecretRotationSummary Empty { get; } = new(Array.Empty<SecretRotationItem>());

    public IReadOnlyList<SecretRotationItem> Items { get; }

    public int Secrets => Items.Count;

    public int Compliant { get; }

    /// <summary>Compliant over measured, rounded to four decimals; null when nothing was measured.</summary>
    public double? Ratio => Items.Count == 0 ? null : Math.Round((double)Compliant / Items.Count, 4);

    private static int Compare(SecretRotationItem a, SecretRotationItem b)
    {
        var order = string.CompareOrdinal(a.File, b.File);
        if (order == 0) order = a.Line.CompareTo(b.Line);
        if (order == 0) order = string.CompareOrdinal(a.Kind, b.Kind);
        if (order == 0) order = string.CompareOrdinal(a.Namespace, b.Namespace);
        if (order == 0) order = string.CompareOrdinal(a.Name, b.Name);
        return order;
    }
}
