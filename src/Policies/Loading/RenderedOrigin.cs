using PolicyKit.Policies.Model;

namespace PolicyKit.Policies.Loading;

/// <summary>
/// What produced a rendered source (a kustomize overlay, a Helm chart) and how to trace its resources back to the
/// files that were rendered, so findings point where the fix is written.
/// </summary>
public abstract class RenderedOrigin
{
    protected RenderedOrigin(string renderer, string unitDisplayPath, string unitFullPath)
    {
        Renderer = renderer;
        UnitDisplayPath = unitDisplayPath;
        UnitFullPath = unitFullPath;
    }

    /// <summary><c>kustomize</c> or <c>helm</c>.</summary>
    public string Renderer { get; }

    /// <summary>The overlay or chart folder as reports show it; part of every fingerprint of its findings.</summary>
    public string UnitDisplayPath { get; }

    public string UnitFullPath { get; }

    /// <summary>The folder's own name (<c>overlays/production</c> gives <c>production</c>), matched to environment names.</summary>
    public string UnitName => System.IO.Path.GetFileName(UnitFullPath.TrimEnd('/', '\\'));

    /// <summary>
    /// Where the node a check pointed at (<paramref name="line"/> and <paramref name="column"/> in the render, for the
    /// finding's <paramref name="fieldPath"/>) is written in the files that were rendered.
    /// </summary>
    public abstract SourceLocation Locate(Resource resource, string fieldPath, int line, int column);

    /// <summary>
    /// Drops what locating kept of the rendered files once the source has been judged, so memory stays bounded by the
    /// source being judged; a later <see cref="Locate"/> (a judgement settled after streaming) reads them again.
    /// </summary>
    public virtual void Release()
    {
    }
}
