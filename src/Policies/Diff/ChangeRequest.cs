using System;
using System.Collections.Generic;
using PolicyKit.Policies.Checks.PodSecurity;
using PolicyKit.Policies.Evaluation;

namespace PolicyKit.Policies.Diff;

/// <summary>A change to judge: the paths of a git repository at a base commit and at the head (working tree or commit).</summary>
public sealed class ChangeRequest
{
    public ChangeRequest(string workingDirectory, IReadOnlyList<string> paths, string baseRevision)
    {
        WorkingDirectory = workingDirectory;
        Paths = paths;
        BaseRevision = baseRevision;
    }

    /// <summary>The folder paths are relative to, and against which reports display file names.</summary>
    public string WorkingDirectory { get; }

    /// <summary>Files or folders to check, as on the command line; all inside one git repository.</summary>
    public IReadOnlyList<string> Paths { get; }

    /// <summary>The base revision (<c>origin/main</c>, a commit id).</summary>
    public string BaseRevision { get; }

    /// <summary>The head revision; null judges the working tree as it is.</summary>
    public string? HeadRevision { get; init; }

    /// <summary>An explicit policy file (<c>--config</c>), read from the judging side; null discovers <c>policykit.yaml</c>.</summary>
    public string? ConfigPath { get; init; }

    public PolicySide Policy { get; init; } = PolicySide.Base;

    public bool FailOnExisting { get; init; }

    public string? Environment { get; init; }

    public ThresholdOverride? FailOn { get; init; }

    public IReadOnlyCollection<string> Categories { get; init; } = Array.Empty<string>();

    public PodSecuritySettings? PodSecurity { get; init; }

    /// <summary>The instant both sides are judged at; null means the clock, read once for both.</summary>
    public DateTimeOffset? Now { get; init; }
}
