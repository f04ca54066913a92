using System;

namespace PolicyKit.Policies.Discovery;

/// <summary>How discovery treats a repository; every door passes the same options.</summary>
public sealed class DiscoveryOptions
{
    public static DiscoveryOptions Default { get; } = new();

    /// <summary>Honour <c>.gitignore</c> files and <c>.git/info/exclude</c> (turned off by <c>--no-ignore</c>).</summary>
    public bool RespectIgnoreFiles { get; init; } = true;

    /// <summary>The folders searched for <c>kubectl</c>, <c>kustomize</c> and <c>helm</c>; null means the PATH variable.</summary>
    public string? ToolSearchPath { get; init; }

    /// <summary>A renderer that runs longer is stopped and its kustomization or chart reported as failed.</summary>
    public TimeSpan ToolTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>A renderer that writes more is stopped: a tree under review must not be able to flood the gate.</summary>
    public long MaxToolOutputBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>Earlier builds to take over when a kustomization's inputs kept their content (successive releases); null builds every time.</summary>
    public KustomizeBuildCache? BuildCache { get; init; }

    /// <summary>
    /// Build kustomizations that only list local files and set a namespace, labels or annotations without starting
    /// kustomize (the same output, a hundred times faster); off, every kustomization is built by kustomize.
    /// </summary>
    public bool BuildSimpleKustomizationsInProcess { get; init; } = true;

}
