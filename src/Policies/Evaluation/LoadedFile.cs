using System.Collections.Generic;
using PolicyKit.Policies.Loading;
using PolicyKit.Policies.Model;

namespace PolicyKit.Policies.Evaluation;

/// <summary>A source read into resources, with the problems met while reading it.</summary>
internal sealed class LoadedFile
{
    private LoadedFile(ManifestSource source, IReadOnlyList<Resource> resources, IReadOnlyList<InputProblem> problems, int skippedDocuments)
    {
        SkippedDocuments = skippedDocuments;
        Source = source;
        Resources = resources;
        Problems = problems;
    }

    public ManifestSource Source { get; }

    public IReadOnlyList<Resource> Resources { get; }

    public IReadOnlyList<InputProblem> Problems { get; }

    /// <summary>Documents that are YAML but not meant as Kubernetes objects (docs/discovery.md).</summary>
    public int SkippedDocuments { get; }

    /// <summary>A file that is only other YAML: skipped and counted, never judged.</summary>
    public bool IsOtherYaml => SkippedDocuments > 0 && Resources.Count == 0 && Problems.Count == 0;

    public static LoadedFile Read(ManifestSource source, LoaderLimits limits)
    {
        var loaded = ManifestLoader.Load(source, limits);
        if (loaded.Text is { } text)
        {
            Checks.Secrets.SourceText.Keep(source, text);
        }

        var problems = new List<InputProblem>(loaded.Problems);
        var resources = ResourceReader.Read(loaded, problems, out var skipped);
        return new LoadedFile(source, resources, problems, skipped);
    }
}
