using System;
using System.Collections.Generic;
using System.Linq;
using PolicyKit.Policies.Exceptions;
using PolicyKit.Policies.Loading;
using PolicyKit.Policies.Yaml;

namespace PolicyKit.Policies.Diff.Governance;

/// <summary>
/// What governs one side of a change, read as written: the policy file's YAML (with positions, so changes can be
/// located) and its exception records. Read tolerantly: a head policy that would not load is compared as far as it parses.
/// </summary>
public sealed class PolicySnapshot
{
    private PolicySnapshot(string? file, MappingNode root, IReadOnlyList<ExceptionRecord> exceptions)
    {
        File = file;
        Root = root;
        Exceptions = exceptions;
    }

    /// <summary>The policy file's display path, or null when this side has none (the built-in defaults).</summary>
    public string? File { get; }

    internal MappingNode Root { get; }

    internal IReadOnlyList<ExceptionRecord> Exceptions { get; }

    /// <summary>The exceptions folder the policy names (<c>exceptions.path</c>), or null when it names none.</summary>
    public string? ExceptionsPath => Root.GetMapping("exceptions")?.GetString("path");

    /// <param name="policyFile">The side's <c>policykit.yaml</c>, or null when it has none.</param>
    /// <param name="exceptionFiles">The side's exception files.</param>
    public static PolicySnapshot Read(ManifestSource? policyFile, IReadOnlyList<ManifestSource> exceptionFiles)
    {
        var root = new MappingNode(Array.Empty<YamlEntry>(), 1, 1);
        if (policyFile is not null)
        {
            var loaded = ManifestLoader.Load(policyFile, LoaderLimits.Default);
            if (loaded.Documents.Count > 0 && loaded.Documents[0].Root is MappingNode mapping)
            {
                root = mapping;
            }
        }

        var records = new List<ExceptionRecord>();
        var problems = new List<ExceptionProblem>();
        foreach (var file in exceptionFiles)
        {
            ExceptionFileReader.Read(file, LoaderLimits.Default, records, problems);
        }

        return new PolicySnapshot(policyFile?.DisplayPath, root, records.Where(r => r.Id is not null).ToList());
    }
}
