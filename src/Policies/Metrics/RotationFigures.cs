using System.Collections.Generic;
using System.Linq;
using PolicyKit.Policies.Secrets;

namespace PolicyKit.Policies.Metrics;

/// <summary>Secrets-rotation compliance of one release in one environment (or all): the engine's measure, with the overdue named.</summary>
public sealed class RotationFigures
{
    public RotationFigures(string environment, IReadOnlyList<SecretRotationItem> items)
    {
        Environment = environment;
        Secrets = items.Count;
        Compliant = items.Count(i => i.Compliant);
        Overdue = items.Where(i => !i.Compliant).ToList();
    }

    public string Environment { get; }

    public int Secrets { get; }

    public int Compliant { get; }

    public double? Ratio => Secrets == 0 ? null : System.Math.Round((double)Compliant / Secrets, 4);

    public IReadOnlyList<SecretRotationItem> Overdue { get; }
}
