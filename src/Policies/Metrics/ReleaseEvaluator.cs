using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using PolicyKit.Policies.Checks;
using PolicyKit.Policies.Configuration;
using PolicyKit.Policies.Evaluation;
using PolicyKit.Policies.Git;
using PolicyKit.Policies.Loading;
using PolicyKit.Policies.Rules;

namespace PolicyKit.Policies.Metrics;

/// <summary>
/// Judges each release with the policy, packs and exception records of that release's own tree, at the release's time
/// (so exception expiry and secret age are as they were then). What depends on a file alone (its resources and the
/// images it deploys) comes with the engine's judgement of the file, judged or taken over: never read a second time.
/// </summary>
public sealed class ReleaseEvaluator
{
    public const string DefaultEnvironment = "default";

    private readonly GitHistory history;
    private readonly ReleaseEvidence? evidenceSource;
    private readonly HashSet<string> inventoried = new(StringComparer.Ordinal);
    private EvaluationResult? previous;

    /// <summary>The last release's discovery, to follow the next release when only file contents changed.</summary>
    private Discovery.DiscoveredTree? discovered;

    /// <summary>The last release's verified evidence and the full paths of the sources it took out as evidence files.</summary>
    private (Provenance.IImageEvidenceSource Evidence, HashSet<string> Files)? previousEvidence;

    /// <summary>The privileges of the last release that could be judged: the next release's access changes are measured against them.</summary>
    private IReadOnlyList<Diff.Access.AccessFact>? previousAccess;

    private readonly AccessKeyMemory accessKeys = new();

    public ReleaseEvaluator(GitHistory history, ReleaseEvidence? evidence = null)
    {
        this.history = history;
        evidenceSource = evidence;
    }

    /// <summary>Distinct file contents inventoried for their resources and images (a blob; for a build, its input blobs): the cost grows with what changed.</summary>
    public int FilesInventoried => inventoried.Count;

    /// <summary>Files whose findings were taken over from the previous release instead of being judged again.</summary>
    public int FilesReused { get; private set; }

    /// <summary>Files the engine judged.</summary>
    public int FilesJudged { get; private set; }

    /// <summary>Kustomization builds taken over from an earlier release because none of their input files changed.</summary>
    public int KustomizeBuildsReused { get; private set; }

    /// <summary>Releases whose discovery was taken over from the previous release (no walk, no kustomization read again).</summary>
    public int DiscoveriesReused { get; private set; }

    public IReadOnlyList<ReleaseFacts> Evaluate(IReadOnlyList<Release> releases, IReadOnlyCollection<string> environments)
    {
        var facts = new List<ReleaseFacts>(releases.Count);
        using var workspace = new ReleaseWorkspace(history);
        var discovery = new Discovery.DiscoveryOptions { BuildCache = new Discovery.KustomizeBuildCache(workspace.BlobAt) };
        // The first release's tree is listed whole; each later one is reached by its changes, all read in one git process.
        var steps = history.Changes(releases.Skip(1).Select((release, i) => (releases[i].Commit, release.Commit)).ToList());
        for (var i = 0; i < releases.Count; i++)
        {
            var changed = i == 0 ? workspace.MoveTo(releases[i].Commit) : workspace.MoveBy(steps[i - 1]);
            facts.Add(Judge(releases[i], workspace, changed, environments, discovery));
        }

        KustomizeBuildsReused = discovery.BuildCache.Reused;

        return facts;
    }

    private ReleaseFacts Judge(Release release, ReleaseWorkspace workspace, IReadOnlyCollection<string> changed, IReadOnlyCollection<string> environments, Discovery.DiscoveryOptions discovery)
    {
        PolicyConfig config;
        var policyFile = Path.Combine(workspace.Root, PolicyConfig.FileName);
        try
        {
            config = File.Exists(policyFile) ? PolicyConfigLoader.Load(policyFile, PolicyConfig.FileName) : PolicyConfig.Defaults(workspace.Root);
            var (sources, followed) = Discover(workspace, changed, config, discovery);
            Provenance.IImageEvidenceSource? evidence = null;
            if (config.Provenance is { } provenance && evidenceSource is not null)
            {
                (sources, evidence) = SplitEvidence(sources, config, provenance, workspace, changed, followed);
            }
            else
            {
                previousEvidence = null;
            }

            var result = PolicyEngine.Evaluate(new EvaluationRequest(sources, config) { Now = release.Time, Reuse = ReuseFor(changed, config, sources), RecordAccess = true, RecordImages = true, Evidence = evidence });
            FilesReused += result.FilesReused;
            FilesJudged += sources.Count - result.FilesReused;
            previous = result;
            accessKeys.Advance(result.Access);
            var accessChanges = previousAccess is null ? new List<Diff.Access.AccessChange>() : Diff.Access.AccessDiff.Compare(previousAccess, result.Access, accessKeys.KeyOf, accessKeys.ResourceKeyOf);
            previousAccess = result.Access;
            return Facts(release, workspace, config, sources, result, changed.Count, environments, accessChanges, evidence);
        }
        catch (PolicyDefinitionException exception)
        {
            previous = null;
            discovered = null;
            previousEvidence = null;
            return new ReleaseFacts(release) { PolicyError = exception.Message, FilesChanged = changed.Count, FilesTotal = workspace.Blobs.Count };
        }
    }

    /// <summary>
    /// The release's sources: the previous release's discovery followed through the changed files when no path appeared
    /// or went and the policy is the same (only the overlays a changed file reaches are rendered again), else a fresh
    /// discovery of the whole tree.
    /// </summary>
    private (IReadOnlyList<ManifestSource> Sources, bool Followed) Discover(ReleaseWorkspace workspace, IReadOnlyCollection<string> changed, PolicyConfig config, Discovery.DiscoveryOptions options)
    {
        var followed = discovered is not null && workspace.SamePaths && !changed.Contains(PolicyConfig.FileName)
            ? Discovery.RepositoryDiscovery.Update(discovered, changed.Select(workspace.FullPath).ToList(), config.Limits, options)
            : null;
        if (followed is not null)
        {
            DiscoveriesReused++;
        }

        discovered = followed ?? Discovery.RepositoryDiscovery.Run(new[] { workspace.Root }, config, workspace.Root, options);
        return (discovered.Result.Sources, followed is not null);
    }

    /// <summary>
    /// The release's manifests and verified evidence. The previous release's evidence holds when its discovery was
    /// followed (same paths, same policy) and no changed file is evidence, the trusted root or a key: verifying depends
    /// on nothing else.
    /// </summary>
    private (IReadOnlyList<ManifestSource> Manifests, Provenance.IImageEvidenceSource Evidence) SplitEvidence(IReadOnlyList<ManifestSource> sources, PolicyConfig config, Provenance.ProvenanceSettings provenance, ReleaseWorkspace workspace, IReadOnlyCollection<string> changed, bool followed)
    {
        var trustFiles = provenance.KeyPaths.Values.Append(provenance.TrustedRootPath).OfType<string>().Select(Path.GetFullPath).ToList();
        var evidenceKept = followed && previousEvidence is not null
            && !changed.Any(path => provenance.Evidence.Any(glob => glob.IsMatch(path)) || trustFiles.Contains(workspace.FullPath(path)));
        if (evidenceKept)
        {
            var (evidence, files) = previousEvidence!.Value;
            return (sources.Where(s => s.FullPath is null || !files.Contains(s.FullPath)).ToList(), evidence);
        }

        var (manifests, verified) = evidenceSource!(sources, config, workspace.Root);
        var kept = new HashSet<ManifestSource>(manifests);
        previousEvidence = (verified, new HashSet<string>(sources.Where(s => !kept.Contains(s) && s.FullPath is not null).Select(s => s.FullPath!), StringComparer.Ordinal));
        return (manifests, verified);
    }

    /// <summary>
    /// The previous release's findings for the files that did not change, when the policy did not change either. Files
    /// with Secrets or SealedSecrets are judged again: their rotation age moves with the release time (an
    /// ExternalSecret's refresh interval does not). A kustomization's build changed when any file it read did; a
    /// rendered source whose inputs are unknown (a Helm chart) is always judged again.
    /// </summary>
    private EvaluationReuse? ReuseFor(IReadOnlyCollection<string> changed, PolicyConfig config, IReadOnlyList<ManifestSource> sources)
    {
        // Evidence added or changed alters the provenance findings of files that did not change themselves.
        if (previous is null || changed.Contains(PolicyConfig.FileName) || config.RulePaths.Count > 0
            || (config.Provenance is { } provenance && changed.Any(path => provenance.Evidence.Any(glob => glob.IsMatch(path)))))
        {
            return null;
        }

        var changedPaths = new HashSet<string>(changed, StringComparer.Ordinal);
        foreach (var source in sources.Where(s => s.Rendering is not null && (s.BuildInputs.Count == 0 || s.BuildInputs.Any(changedPaths.Contains))).ToList())
        {
            changedPaths.Add(source.DisplayPath);
        }

        var unchanged = previous.Files
            .Where(f => f.Rotation.TrueForAll(i => i.Kind is "ExternalSecret" or "ClusterExternalSecret") && !changedPaths.Contains(f.DisplayPath))
            .Select(f => f.DisplayPath);
        return new EvaluationReuse(previous, unchanged);
    }

    private ReleaseFacts Facts(Release release, ReleaseWorkspace workspace, PolicyConfig config, IReadOnlyList<ManifestSource> sources, EvaluationResult result, int changed, IReadOnlyCollection<string> environments, IReadOnlyList<Diff.Access.AccessChange> accessChanges, Provenance.IImageEvidenceSource? evidence)
    {
        bool Wanted(string environment) => environments.Count == 0 || environments.Contains(environment);

        var findings = result.Findings
            .Select(f => new FindingFact(f.Fingerprint, f.RuleId, f.Category, f.Severity, f.Blocking, f.Suppressed, f.Environment ?? DefaultEnvironment, f.File, f.Line, f.Message))
            .Where(f => Wanted(f.Environment))
            .ToList();

        var resources = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var images = new List<ImageFact>();
        for (var i = 0; i < sources.Count; i++)
        {
            var source = sources[i];
            var path = source.DisplayPath;
            if (!workspace.Blobs.TryGetValue(path, out var blob))
            {
                continue;
            }

            var environment = EnvironmentOf(config, path);
            if (!Wanted(environment))
            {
                continue;
            }

            // A build's inventory is that of all its inputs: the kustomization file alone may stay while a resource changes.
            var key = source.Rendering is null ? blob
                : source.BuildInputs.Count > 0 ? string.Join("\u001f", source.BuildInputs.Select(p => p + "=" + (workspace.Blobs.TryGetValue(p, out var b) ? b : "?")))
                : null;
            // The engine judged (or took over) the file with its resources and images: they are not read again.
            var outcome = result.Files[i];
            if (key is not null)
            {
                inventoried.Add(key);
            }

            resources[environment] = (resources.TryGetValue(environment, out var count) ? count : 0) + outcome.ResourceCount;
            images.AddRange(outcome.Images.Select(image => Image(image, environment, ProvenancePolicyOf(config, environment), evidence)));
        }

        var exceptions = result.Exceptions.Outcomes
            .Where(o => o.Record.Id is not null)
            .Select(o => new ExceptionFact(
                o.Record.Id!,
                o.Record.File,
                o.Record.Owner,
                o.Record.Approver,
                o.Record.Created,
                o.Record.Expires,
                o.Record.Rules.Select(r => r.Text).ToList(),
                o.Status,
                o.Waived.Count(w => Wanted(w.Environment ?? DefaultEnvironment))))
            .ToList();

        return new ReleaseFacts(release)
        {
            Settings = config.Metrics,
            Findings = findings,
            Resources = resources,
            Rotation = result.SecretRotation.Items.Where(i => Wanted(i.Environment ?? DefaultEnvironment)).ToList(),
            Exceptions = exceptions,
            ProvenancePolicies = images.Select(i => i.Environment).Distinct().Where(e => ProvenancePolicyOf(config, e) is not null).ToList(),
            Images = images.Distinct().OrderBy(i => i.Environment, StringComparer.Ordinal).ThenBy(i => i.Reference, StringComparer.Ordinal).ToList(),
            AccessChanges = accessChanges.Select(c => new AccessChangeFact(EnvironmentOf(config, c.File), c)).Where(c => Wanted(c.Environment)).ToList(),
            FilesChanged = changed,
            FilesTotal = workspace.Blobs.Count,
        };
    }

    private static ImageFact Image(string reference, string environment, Provenance.ProvenancePolicy? policy, Provenance.IImageEvidenceSource? evidence)
    {
        var parsed = ImageReference.Parse(reference);
        var at = reference.IndexOf('@');
        var withoutDigest = at < 0 ? reference : reference.Substring(0, at);
        var lastSlash = withoutDigest.LastIndexOf('/');
        var colon = withoutDigest.LastIndexOf(':');
        var repository = colon > lastSlash ? withoutDigest.Substring(0, colon) : withoutDigest;
        var digest = parsed.HasValidDigest ? parsed.Digest : null;
        return new ImageFact(reference, repository, digest, environment, Proof(digest, policy, evidence));
    }

    /// <summary>Not measured (null) without a policy or verified evidence; an image not pinned by digest can match no bundle.</summary>
    private static ImageProvenance? Proof(string? digest, Provenance.ProvenancePolicy? policy, Provenance.IImageEvidenceSource? evidence)
    {
        if (policy is null || evidence is null)
        {
            return null;
        }

        if (digest is null)
        {
            return new ImageProvenance(false, false);
        }

        var proof = Provenance.ImageProof.Of(digest, policy, evidence);
        return new ImageProvenance(proof.AllowedSigner, proof.SlsaProvenance);
    }

    /// <summary>The provenance requirements of an environment as the engine applies them: its own, else the policy-wide ones.</summary>
    private static Provenance.ProvenancePolicy? ProvenancePolicyOf(PolicyConfig config, string environment) =>
        config.Environments.FirstOrDefault(e => e.Name == environment)?.Provenance ?? config.Provenance?.Policy;

    /// <summary>The environment whose paths claim a repository path, as the engine matches them (first wins).</summary>
    internal static string EnvironmentOf(PolicyConfig config, string path)
    {
        foreach (var environment in config.Environments)
        {
            if (environment.Contains(path))
            {
                return environment.Name;
            }
        }

        return DefaultEnvironment;
    }
}
