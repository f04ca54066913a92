using System.Collections.Generic;
using PolicyKit.Policies.Loading;
using PolicyKit.Policies.Model;

namespace PolicyKit.Policies.Evaluation;

/// <summary>A source read into resources, with the problems met while reading it.</summary>
internal sealed class LoadedFile
{
    private LoadedFile(ManifestSource source, IReadOnlyList<Resource> resources, IReadOnlyList<InputProblem> problems)
    {
        Source = source;
        Resources = resources;
        Problems = problems;
    }

    public ManifestSource Source { get; }

    public IReadOnlyList<Resource> Resources { get; }

    public IReadOnlyList<InputProblem> Problems { get; }

    public static LoadedFile Read(ManifestSource source, LoaderLimits limits)
    {
        var loaded = ManifestLoader.Load(source, limits);
        var problems = new List<InputProblem>(loaded.Problems);
        var resources = ResourceReader.Read(loaded, problems);
        return new LoadedFile(source, resources, problems);
    }
}
