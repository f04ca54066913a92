using System;
using PolicyKit.Policies.Loading;
using PolicyKit.Policies.Model;

namespace PolicyKit.Policies.CrossResource;

/// <summary>
/// Locates the positions facts record about a rendered resource while its tree is still at hand: facts are judged once
/// every file is read, and keeping each rendered tree until then would make memory grow with the repository. Collectors
/// run one resource at a time on the thread judging its file, so the resource is kept per thread.
/// </summary>
internal static class FactLocator
{
    [ThreadStatic]
    private static Resource? current;

    /// <summary>Facts recorded from now on belong to <paramref name="resource"/>; null for none.</summary>
    public static void Aim(Resource? resource) => current = resource?.Source.Rendering is null ? null : resource;

    /// <summary>Where the field is written, for a rendered resource; null for a file read as written.</summary>
    public static SourceLocation? Locate(string fieldPath, int line, int column) =>
        current is { } resource ? resource.Source.Rendering!.Locate(resource, fieldPath, line, column) : null;
}
