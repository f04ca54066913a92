using System.Collections.Generic;
using PolicyKit.Policies.Exceptions;
using PolicyKit.Policies.Checks.PodSecurity;
using PolicyKit.Policies.Loading;
using PolicyKit.Policies.Rules;

namespace PolicyKit.Policies.Configuration;

/// <summary>The policy a change is judged by: a <c>policykit.yaml</c>, or the built-in defaults when there is none.</summary>
public sealed class PolicyConfig
{
    public const string FileName = "policykit.yaml";

    public PolicyConfig(
        string? sourcePath,
        string rootDirectory,
        IReadOnlyList<PackSelection> packs,
        IReadOnlyList<string> rulePaths,
        Severity? failOn,
        IReadOnlyList<PolicyEnvironment> environments,
        IReadOnlyDictionary<string, RuleOverride> rules,
        IReadOnlyList<PathGlob> exclude,
        LoaderLimits limits)
    {
        SourcePath = sourcePath;
        RootDirectory = rootDirectory;
        Packs = packs;
        RulePaths = rulePaths;
        FailOn = failOn;
        Environments = environments;
        Rules = rules;
        Exclude = exclude;
        Limits = limits;
    }

    /// <summary>The policy file, or null when the built-in defaults apply.</summary>
    public string? SourcePath { get; }

    public bool IsBuiltInDefault => SourcePath is null;

    /// <summary>The folder that environment and exclude globs are relative to: the policy file's folder.</summary>
    public string RootDirectory { get; }

    /// <summary>The packs to use; empty means every available pack at its newest version.</summary>
    public IReadOnlyList<PackSelection> Packs { get; }

    /// <summary>Extra pack folders (absolute), each holding one sub-folder per pack.</summary>
    public IReadOnlyList<string> RulePaths { get; }

    /// <summary>The policy-wide threshold; null means nothing blocks.</summary>
    public Severity? FailOn { get; }

    public IReadOnlyList<PolicyEnvironment> Environments { get; }

    public IReadOnlyDictionary<string, RuleOverride> Rules { get; }

    public IReadOnlyList<PathGlob> Exclude { get; }

    public LoaderLimits Limits { get; }

    /// <summary>
    /// <c>podSecurity</c>: the Pod Security level and version resources are judged at when their namespace carries no
    /// label (the cluster's admission defaults). Null: privileged, i.e. nothing enforced.
    /// </summary>
    public PodSecuritySettings? PodSecurity { get; init; }

    /// <summary>
    /// <c>exceptions</c>: where exception records live and the limits they are held to. A policy file has
    /// <c>exceptions/</c> beside it by default; the built-in defaults have no exception records.
    /// </summary>
    public ExceptionSettings Exceptions { get; init; } = ExceptionSettings.None;

    /// <summary><c>secrets</c>: the rotation limits secret-bearing objects are measured against (docs/secrets.md).</summary>
    public Secrets.SecretsPolicy Secrets { get; init; } = Policies.Secrets.SecretsPolicy.Default;

    /// <summary><c>metrics</c>: what <c>policykit metrics</c> holds a release history to (docs/metrics.md).</summary>
    public MetricsSettings Metrics { get; init; } = MetricsSettings.Default;

    /// <summary>
    /// The same policy applied to a copy of the tree that lies elsewhere (a commit read from git): environment and
    /// exclude globs and the exceptions folder resolve under <paramref name="rootDirectory"/>; rule paths stay where
    /// they were loaded from.
    /// </summary>
    public PolicyConfig Rebased(string rootDirectory) => new(SourcePath, rootDirectory, Packs, RulePaths, FailOn, Environments, Rules, Exclude, Limits)
    {
        PodSecurity = PodSecurity,
        Exceptions = Exceptions,
        Secrets = Secrets,
        Metrics = Metrics,
        Provenance = Provenance,
        Profile = Profile,
    };

    /// <summary><c>profile</c>: the hosting profile of environments that do not name their own (<see cref="HostingProfiles"/>); null: none.</summary>
    public string? Profile { get; init; }

    /// <summary><c>provenance</c>: where image evidence lives and what it must prove (docs/provenance.md); null: nothing required.</summary>
    public Provenance.ProvenanceSettings? Provenance { get; init; }

    public static PolicyConfig Defaults(string rootDirectory) => new(
        null,
        rootDirectory,
        System.Array.Empty<PackSelection>(),
        System.Array.Empty<string>(),
        Severity.High,
        System.Array.Empty<PolicyEnvironment>(),
        new Dictionary<string, RuleOverride>(),
        System.Array.Empty<PathGlob>(),
        LoaderLimits.Default);
}
