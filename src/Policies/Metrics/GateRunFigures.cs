using System.Collections.Generic;
using System.Linq;

namespace PolicyKit.Policies.Metrics;

/// <summary>Gate runs kept as JSON reports (<c>policykit check --format json</c>) in a folder: how many ran and failed.</summary>
public sealed class GateRunFigures
{
    public GateRunFigures(IReadOnlyList<(string File, bool Failed)> runs, IReadOnlyList<string> problems)
    {
        Runs = runs.Count;
        Failed = runs.Count(r => r.Failed);
        FailedFiles = runs.Where(r => r.Failed).Select(r => r.File).ToList();
        Problems = problems;
    }

    public int Runs { get; }

    public int Failed { get; }

    public double? FailureRatio => Runs == 0 ? null : System.Math.Round((double)Failed / Runs, 4);

    public IReadOnlyList<string> FailedFiles { get; }

    /// <summary>Files that are not gate reports, each with the reason.</summary>
    public IReadOnlyList<string> Problems { get; }
}
