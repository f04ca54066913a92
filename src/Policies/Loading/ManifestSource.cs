using System;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace PolicyKit.Policies.Loading;

/// <summary>Where a manifest comes from: a file on disk, standard input, or text held in memory (rule examples, tests).</summary>
public sealed class ManifestSource
{
    private readonly byte[]? content;
    private readonly Func<RenderOutcome>? render;
    private WeakReference<RenderOutcome>? lastRender;

    private ManifestSource(string displayPath, string? fullPath, byte[]? content, Func<RenderOutcome>? render = null)
    {
        DisplayPath = displayPath;
        FullPath = fullPath;
        this.content = content;
        this.render = render;
    }

    /// <summary>The path reports show: relative to the working directory where possible, with forward slashes.</summary>
    public string DisplayPath { get; }

    /// <summary>The file's absolute path (for content read from git, where it would lie), or null for standard input and in-memory text.</summary>
    public string? FullPath { get; }

    public bool IsJson => DisplayPath.EndsWith(".json", StringComparison.OrdinalIgnoreCase);

    /// <summary>An Odoo configuration file (<c>*.conf</c>), read by <see cref="OdooConfigReader"/> rather than as YAML.</summary>
    public bool IsOdooConfig => OdooConfigReader.HasConfigExtension(DisplayPath);

    public static ManifestSource FromFile(string fullPath, string displayPath) => new(displayPath, Path.GetFullPath(fullPath), null);

    public static ManifestSource FromBytes(string displayPath, byte[] bytes) => new(displayPath, null, bytes);

    /// <summary>
    /// A file whose content is already in memory (read from git): it is judged as if it lay at <paramref name="fullPath"/>,
    /// which decides its environment, without being read from or written to disk.
    /// </summary>
    public static ManifestSource FromBytes(string displayPath, string fullPath, byte[] bytes) => new(displayPath, fullPath, bytes);

    public static ManifestSource FromText(string displayPath, string text) => new(displayPath, null, new UTF8Encoding(false).GetBytes(text));

    /// <summary>The overlay or chart this source was rendered from, or null for a file read as written.</summary>
    public RenderedOrigin? Rendering { get; private init; }

    /// <summary>Problems found before reading (by discovery or a renderer); a source with any is not read.</summary>
    public IReadOnlyList<InputProblem> KnownProblems { get; private init; } = Array.Empty<InputProblem>();

    /// <summary>A chart's value file: only the secrets rules judge it, since it is not a Kubernetes object.</summary>
    public bool IsHelmValues { get; private init; }

    /// <summary>Documents a renderer wrote, judged as one source whose findings <paramref name="origin"/> traces back.</summary>
    /// <param name="displayPath">How reports name the source (the overlay's kustomization file or the chart).</param>
    /// <param name="rendered">The documents the renderer wrote.</param>
    /// <param name="origin">Traces findings back to the files that wrote each field.</param>
    /// <param name="buildInputs">Display paths of the files the build read, when the renderer knows them.</param>
    public static ManifestSource FromRendered(string displayPath, byte[] rendered, RenderedOrigin origin, IReadOnlyList<string>? buildInputs = null) =>
        new(displayPath, null, rendered) { Rendering = origin, BuildInputs = buildInputs ?? Array.Empty<string>() };

    /// <summary>
    /// A source rendered only when it is read, and again whenever it is read after its text was collected: a
    /// repository of many overlays then never holds every render at once. What cannot be rendered is a problem of the
    /// load, as it would have been of discovery.
    /// </summary>
    internal static ManifestSource RenderedWhenRead(string displayPath, Func<RenderOutcome> render, RenderedOrigin origin, IReadOnlyList<string> buildInputs) =>
        new(displayPath, null, null, render) { Rendering = origin, BuildInputs = buildInputs };

    /// <summary>
    /// For a rendered source, the display paths of every file its build read (empty when the renderer does not say):
    /// the source changes when one of them does, whether or not its own display path did.
    /// </summary>
    public IReadOnlyList<string> BuildInputs { get; private init; } = Array.Empty<string>();

    /// <summary>A path that could not be read or rendered, reported through its problem.</summary>
    public static ManifestSource WithProblem(string displayPath, string? fullPath, InputProblem problem, RenderedOrigin? origin = null) =>
        new(displayPath, fullPath, Array.Empty<byte>()) { KnownProblems = new[] { problem }, Rendering = origin };

    public static ManifestSource HelmValues(string fullPath, string displayPath) =>
        new(displayPath, Path.GetFullPath(fullPath), null) { IsHelmValues = true };

    /// <summary>True when the source is rendered as it is read (<see cref="RenderedWhenRead"/>).</summary>
    internal bool IsRenderedWhenRead => render is not null;

    /// <summary>The size in bytes, read from the file system without opening the file.</summary>
    internal long Length => content?.LongLength ?? (render is not null ? ReadAllBytes().LongLength : new FileInfo(FullPath!).Length);

    internal byte[] ReadAllBytes() => content ?? (render is not null ? Render().Bytes ?? Array.Empty<byte>() : File.ReadAllBytes(FullPath!));

    /// <summary>The rendered text, or why there is none; the last render is reused while it is still in memory.</summary>
    internal RenderOutcome Render()
    {
        if (lastRender is not null && lastRender.TryGetTarget(out var kept))
        {
            return kept;
        }

        var outcome = render!();
        if (outcome.Problem is null)
        {
            lastRender = new WeakReference<RenderOutcome>(outcome);
        }

        return outcome;
    }
}
