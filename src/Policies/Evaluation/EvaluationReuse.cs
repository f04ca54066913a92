using System;
using System.Collections.Generic;

namespace PolicyKit.Policies.Evaluation;

/// <summary>
/// Lets a run take over an earlier run's findings for files that have not changed, so judging a change costs what
/// changed rather than the whole tree (a pull request's base, a release after the previous one).
/// </summary>
/// <remarks>
/// The earlier run must have been judged under the same policy and options; the caller knows that, the engine cannot.
/// What the engine checks itself is the one effect that crosses files: Pod Security reads the labels of
/// <c>Namespace</c> objects wherever they are. Unless every namespace of both runs comes from the same unchanged file
/// or carries the same Pod Security labels, nothing is reused and every file is judged again.
/// </remarks>
public sealed class EvaluationReuse
{
    private readonly EvaluationResult previous;
    private readonly HashSet<string> unchanged;
    private readonly Dictionary<string, FileOutcome> outcomes = new(StringComparer.Ordinal);

    /// <param name="previous">The earlier run.</param>
    /// <param name="unchangedFiles">Display paths of the files whose bytes are identical in both runs.</param>
    public EvaluationReuse(EvaluationResult previous, IEnumerable<string> unchangedFiles)
    {
        this.previous = previous;
        unchanged = new HashSet<string>(unchangedFiles, StringComparer.Ordinal);
        foreach (var outcome in previous.Files)
        {
            if (unchanged.Contains(outcome.DisplayPath))
            {
                outcomes[outcome.DisplayPath] = outcome;
            }
        }
    }

    /// <param name="namespaces">Each namespace of this run: its Pod Security labels and the file it was read from.</param>
    /// <remarks>
    /// The earlier run's settled judgements hold when every namespace is the same: the same names, each from the same
    /// unchanged file or with the same Pod Security labels (a changed file that leaves them alone, as when a
    /// kustomization's build is rebuilt for an unrelated change, judges pods alike).
    /// </remarks>
    internal bool AppliesTo(IReadOnlyDictionary<string, (Checks.PodSecurity.NamespacePodSecurityLabels Labels, string File)> namespaces)
    {
        if (namespaces.Count != previous.NamespaceFiles.Count)
        {
            return false;
        }

        foreach (var entry in namespaces)
        {
            var file = entry.Value.File;
            if (!previous.NamespaceFiles.TryGetValue(entry.Key, out var previousFile))
            {
                return false;
            }

            var sameFile = previousFile == file && unchanged.Contains(file);
            var sameLabels = previous.NamespaceLabels.TryGetValue(entry.Key, out var labels) && labels.SameLabels(entry.Value.Labels);
            if (!sameFile && !sameLabels)
            {
                return false;
            }
        }

        return true;
    }

    internal FileOutcome? For(string displayPath) => outcomes.TryGetValue(displayPath, out var outcome) ? outcome : null;
}
