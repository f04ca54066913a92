using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using PolicyKit.Policies.Checks;
using PolicyKit.Policies.Checks.PodSecurity;
using PolicyKit.Policies.Configuration;
using PolicyKit.Policies.CrossResource;
using PolicyKit.Policies.Diff.Access;
using PolicyKit.Policies.Exceptions;
using PolicyKit.Policies.Loading;
using PolicyKit.Policies.Model;
using PolicyKit.Policies.Rules;
using PolicyKit.Policies.Secrets;

namespace PolicyKit.Policies.Evaluation;

/// <summary>
/// Evaluates sources against the rules a policy selects. Each file is parsed once and shown every rule that can judge
/// its resources; files are evaluated in parallel and the findings sorted afterwards, so output never depends on timing.
/// </summary>
public static class PolicyEngine
{
    private const string SecretsCategory = "secrets";

    /// <exception cref="PolicyDefinitionException">The policy asks for packs, environments or rules that do not exist.</exception>
    public static EvaluationResult Evaluate(EvaluationRequest request)
    {
        var config = request.Config;
        var exceptionSources = request.ExceptionSources ?? ExceptionFiles.Collect(config);
        var catalog = CatalogFor(request.Catalog, config);
        var packs = ExceptionPack.AddWhenNeeded(PackResolver.Resolve(catalog, config), catalog, exceptionSources.Count > 0);
        RequireLoadedCategories(request.Categories, packs);
        var rules = packs.SelectMany(p => p.Rules)
            .Where(r => request.Categories.Count == 0 || r.Category == Categories.Input || request.Categories.Contains(r.Category))
            .OrderBy(r => r.Id, StringComparer.Ordinal)
            .ToList();
        ValidateOverrides(config, rules, packs);
        var environments = new EnvironmentResolver(request, rules);

        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, request.MaxParallelism) };

        // One parse per file: each tree lives only while its own file is judged, and what cross-file verdicts need (a
        // Namespace's Pod Security labels) is kept as compact facts. Short-lived trees keep the garbage collector's work
        // small and memory bounded by the largest file; judgements that wait for those facts are settled afterwards.
        var now = request.Now ?? DateTimeOffset.UtcNow;
        var run = new RunContext(config, request.PodSecurity, now, request.RecordAccess, request.RecordImages, request.Evidence, CrossResourceJudgement.AnyIn(rules));

        // A file whose bytes and policy are unchanged since an earlier run has that run's findings again, as long as
        // every Namespace (whose labels judge pods in other files) comes from the same unchanged file in both runs.
        var perFile = new FileOutcome[request.Sources.Count];
        Parallel.For(0, perFile.Length, parallel, i =>
        {
            var source = request.Sources[i];
            perFile[i] = request.Reuse?.For(source.DisplayPath)?.Reopened()
                ?? EvaluateFile(LoadedFile.Read(source, config.Limits), environments.For(source), run);
            Forget(source);
            request.Progress?.FileJudged();
        });

        var namespaces = NamespacesOf(perFile);
        var reused = request.Reuse is not null && perFile.Any(f => f.Reused);
        if (reused && !request.Reuse!.AppliesTo(namespaces))
        {
            Parallel.For(0, perFile.Length, parallel, i =>
            {
                if (perFile[i].Reused)
                {
                    var source = request.Sources[i];
                    perFile[i] = EvaluateFile(LoadedFile.Read(source, config.Limits), environments.For(source), run);
                    Forget(source);
                }
            });
            namespaces = NamespacesOf(perFile);
        }

        var facts = new StreamFacts(namespaces.ToDictionary(n => n.Key, n => n.Value.Labels, StringComparer.Ordinal));
        foreach (var outcome in perFile)
        {
            Settle(outcome, facts, run);
        }

        // Cross-resource findings depend on other files, so they are judged afresh on every run (reused files included)
        // and kept out of the per-file outcomes a later run may reuse.
        var findings = perFile.SelectMany(f => f.Findings).ToList();
        findings.AddRange(CrossResourceJudgement.Judge(rules, perFile.Select(f => f.Facts), config, now));

        // Exceptions apply after evaluation, so every door (CLI, MSBuild, analyzer) gets the same suppressions.
        var exceptions = ExceptionApplier.Apply(findings, exceptionSources, catalog, packs, rules, config, now, environments.For);
        findings.Sort(CompareFindings);
        return new EvaluationResult(findings, packs, rules, config, perFile.Length, perFile.Sum(f => f.ResourceCount))
        {
            Discovery = request.Discovery,
            OtherYamlFiles = perFile.Where(f => f.OtherYaml is not null).Select(f => f.OtherYaml!).OrderBy(f => f, StringComparer.Ordinal).ToList(),
            FailOnOverride = request.FailOn,
            EvaluatedAt = now,
            Exceptions = exceptions,
            SecretRotation = new SecretRotationSummary(perFile.SelectMany(f => f.Rotation).ToList()),
            Files = perFile,
            NamespaceFiles = namespaces.ToDictionary(n => n.Key, n => n.Value.File, StringComparer.Ordinal),
            NamespaceLabels = namespaces.ToDictionary(n => n.Key, n => n.Value.Labels, StringComparer.Ordinal),
            FilesReused = perFile.Count(f => f.Reused),
            Access = request.RecordAccess ? perFile.SelectMany(f => f.Access).ToList() : Array.Empty<AccessFact>(),
            Provenance = Provenance.ProvenanceSummary.Combine(perFile.Where(f => f.Provenance is not null).Select(f => f.Provenance!)),
        };
    }

    /// <summary>
    /// Drops what judging a source kept of its text and of the files it was rendered from: memory stays bounded by the
    /// files being judged. Judgements settled later read again what they need.
    /// </summary>
    private static void Forget(ManifestSource source)
    {
        source.Rendering?.Release();
        Checks.Secrets.SourceText.Forget(source);
    }

    /// <summary>A category filter that matches no loaded rule would judge nothing but input problems and pass unseen.</summary>
    private static void RequireLoadedCategories(IReadOnlyCollection<string> requested, IReadOnlyList<RulePack> packs)
    {
        var loaded = new SortedSet<string>(packs.SelectMany(p => p.Rules).Select(r => r.Category), StringComparer.Ordinal);
        foreach (var category in requested)
        {
            if (!loaded.Contains(category))
            {
                throw new EvaluationRequestException($"no loaded rule has category '{category}'; the categories of the loaded rules are {string.Join(", ", loaded)}");
            }
        }
    }

    /// <summary>
    /// The rotation metric of one file: every secret-bearing object, measured under its environment's <c>secrets</c>
    /// policy whatever rules run, so the governance figure does not depend on the packs or categories selected
    /// (docs/secrets.md).
    /// </summary>
    private static List<SecretRotationItem> MeasureRotation(LoadedFile file, EnvironmentRuleSet environment, RunContext run)
    {
        var items = new List<SecretRotationItem>();
        var policy = environment.Environment?.Secrets ?? run.Config.Secrets;
        foreach (var resource in file.Resources)
        {
            if (SecretRotation.Assess(resource, policy, run.Now) is { } assessment)
            {
                var identity = resource.Identity;
                var (path, line) = (file.Source.DisplayPath, assessment.At.Line);
                if (file.Source.Rendering is { } rendering)
                {
                    var located = rendering.Locate(resource, string.Empty, assessment.At.Line, assessment.At.Column);
                    (path, line) = (located.File, located.Line);
                }

                items.Add(new SecretRotationItem(identity.Kind, identity.Namespace, identity.Name, path, line, environment.Name, assessment.Compliant, assessment.Reason));
            }
        }

        return items;
    }

    private static FileOutcome EvaluateFile(LoadedFile file, EnvironmentRuleSet environment, RunContext run)
    {
        var source = file.Source;
        var context = new EvaluationContext(run.Config) { Environment = environment.Environment, PodSecurity = run.PodSecurity, Now = run.Now, Evidence = run.Evidence, EnvironmentName = environment.Name, Profile = environment.Profile, IsProduction = environment.IsProduction };
        var violations = new List<Violation>();
        var deferred = new List<PendingJudgement>();
        var pending = new List<(PendingJudgement Judgement, Severity Severity)>();
        var sink = new ViolationSink(violations, deferred, context);
        var findings = new List<Finding>();
        var access = new List<AccessFact>();
        var images = new List<string>();
        var namespaces = new List<NamespacePodSecurityLabels>();
        var facts = new List<ResourceFact>();
        var factSink = new FactSink(facts, environment);
        foreach (var resource in file.Resources)
        {
            if (run.RecordAccess)
            {
                access.AddRange(AccessFacts.Of(resource));
            }

            if (run.RecordImages)
            {
                AddImages(resource, images);
            }

            if (NamespacePodSecurityLabels.Of(resource) is { } namespaceLabels)
            {
                namespaces.Add(namespaceLabels);
            }

            var valuesOnly = resource.Identity.Kind == HelmValues.Kind;
            if (run.CollectFacts && !valuesOnly)
            {
                factSink.Aim(resource);
                foreach (var collector in FactCollectors.ForKind(resource.Identity.Kind))
                {
                    collector.Collect(resource, factSink);
                }
            }

            foreach (var binding in environment.ForKind(resource.Identity.Kind))
            {
                if (valuesOnly && binding.Rule.Category != SecretsCategory)
                {
                    continue;
                }

                sink.Aim(binding.Rule, resource);
                binding.Rule.Check.Evaluate(resource, sink);
                foreach (var violation in violations)
                {
                    findings.Add(ToFinding(violation, binding.Severity, environment));
                }

                violations.Clear();
                foreach (var judgement in deferred)
                {
                    pending.Add((judgement, binding.Severity));
                }

                deferred.Clear();
            }
        }

        factSink.Finish();
        foreach (var problem in file.Problems)
        {
            if (environment.TryGetInputRule(problem.Kind, out var binding))
            {
                var message = binding.Rule.Message.Format(new[] { ViolationSink.Argument("detail", problem.Detail) });
                var rendering = source.Rendering;
                findings.Add(new Finding(
                    binding.Rule,
                    binding.Severity,
                    message,
                    null,
                    source.DisplayPath,
                    problem.Line,
                    problem.Column,
                    string.Empty,
                    Fingerprints.ForInput(binding.Rule.Id, environment.Name, rendering is null ? source.DisplayPath : source.DisplayPath + "@" + rendering.UnitDisplayPath, problem.DocumentIndex),
                    environment.Name,
                    environment.Blocks(binding.Severity),
                    rendering is null ? Array.Empty<KeyValuePair<string, string>>() : new[] { new KeyValuePair<string, string>("renderedFrom", rendering.UnitDisplayPath) }));
            }
        }

        var provenancePolicy = environment.Environment?.Provenance ?? run.Config.Provenance?.Policy;
        return new FileOutcome(source.DisplayPath, findings, file.Resources.Count, MeasureRotation(file, environment, run), namespaces, pending, environment)
        {
            Access = access,
            Images = images,
            OtherYaml = file.IsOtherYaml ? source.DisplayPath : null,
            Provenance = Provenance.ProvenanceSummary.Measure(file.Resources, environment.Name, provenancePolicy, run.Evidence),
            Facts = facts,
        };
    }

    /// <summary>The image of every container (init and ephemeral included) of a resource that has a pod spec, in order.</summary>
    private static void AddImages(Resource resource, List<string> images)
    {
        if (resource.PodSpec is not { } pod)
        {
            return;
        }

        foreach (var list in PodSpecView.ContainerLists)
        {
            foreach (var container in pod.ContainersIn(list))
            {
                if (container.Node.GetString("image") is { Length: > 0 } image)
                {
                    images.Add(image);
                }
            }
        }
    }

    /// <summary>
    /// The Pod Security labels of every Namespace read, with the file each came from; the first definition in input order
    /// wins, whatever the thread timing.
    /// </summary>
    private static Dictionary<string, (NamespacePodSecurityLabels Labels, string File)> NamespacesOf(FileOutcome[] perFile)
    {
        var namespaces = new Dictionary<string, (NamespacePodSecurityLabels Labels, string File)>(StringComparer.Ordinal);
        foreach (var outcome in perFile)
        {
            foreach (var labels in outcome.Namespaces)
            {
                if (!namespaces.ContainsKey(labels.Name))
                {
                    namespaces[labels.Name] = (labels, outcome.DisplayPath);
                }
            }
        }

        return namespaces;
    }

    /// <summary>Settles the judgements a file deferred, now that every file has been read, into that file's findings.</summary>
    private static void Settle(FileOutcome outcome, StreamFacts facts, RunContext run)
    {
        if (outcome.Pending.Count == 0)
        {
            return;
        }

        var violations = new List<Violation>();
        var sink = new ViolationSink(violations, new List<PendingJudgement>(), new EvaluationContext(run.Config) { Environment = outcome.Environment.Environment, PodSecurity = run.PodSecurity, Now = run.Now, EnvironmentName = outcome.Environment.Name, Profile = outcome.Environment.Profile, IsProduction = outcome.Environment.IsProduction });
        foreach (var (pending, severity) in outcome.Pending)
        {
            sink.Aim(pending.Rule, pending.Resource);
            pending.Judgement.Settle(facts, sink);
            foreach (var violation in violations)
            {
                outcome.Findings.Add(ToFinding(violation, severity, outcome.Environment));
            }

            violations.Clear();
        }
    }

    internal static Finding ToFinding(Violation violation, Severity severity, EnvironmentRuleSet environment)
    {
        var resource = violation.Resource;
        var (file, line, column, properties) = (resource.File, violation.Line, violation.Column, violation.Properties);
        var renderedFrom = resource.RenderedFrom;
        var located = violation.Located;
        if (renderedFrom is not null && located is not null)
        {
            // A rendered resource is reported where its offending field is written, not in the render nobody edits.
            (file, line, column) = (located.File, located.Line, located.Column);
            properties = properties
                .Append(new KeyValuePair<string, string>("renderedFrom", renderedFrom))
                .Append(new KeyValuePair<string, string>("sourceMapping", located.Mapping))
                .ToList();
        }

        return new Finding(
            violation.Rule,
            severity,
            violation.Message,
            resource.Identity,
            file,
            line,
            column,
            violation.FieldPath,
            Fingerprints.ForResource(violation.Rule.Id, environment.Name, resource.Identity, violation.FieldPath, renderedFrom),
            environment.Name,
            !violation.Advisory && environment.Blocks(severity),
            SortedProperties(properties),
            violation.Advisory)
        {
            Labels = resource.Labels,
            Image = violation.Image,
        };
    }

    private static IReadOnlyList<KeyValuePair<string, string>> SortedProperties(IReadOnlyList<KeyValuePair<string, string>> properties) =>
        properties.Count <= 1 ? properties : properties.OrderBy(p => p.Key, StringComparer.Ordinal).ToList();

    /// <summary>What every file of one run is judged with; <c>CollectFacts</c>: whether any cross-resource rule is in use (else no fact is recorded).</summary>
    private sealed record RunContext(PolicyConfig Config, PodSecuritySettings? PodSecurity, DateTimeOffset Now, bool RecordAccess, bool RecordImages, Provenance.IImageEvidenceSource? Evidence, bool CollectFacts);

    internal static int CompareFindings(Finding a, Finding b)
    {
        var order = string.CompareOrdinal(a.File, b.File);
        if (order == 0) order = a.Line.CompareTo(b.Line);
        if (order == 0) order = a.Column.CompareTo(b.Column);
        if (order == 0) order = string.CompareOrdinal(a.RuleId, b.RuleId);
        if (order == 0) order = string.CompareOrdinal(a.Message, b.Message);
        if (order == 0) order = string.CompareOrdinal(a.FieldPath, b.FieldPath);
        return order;
    }

    /// <summary>The packs available to this policy: the built-in ones plus those in its <c>rulePaths</c> folders.</summary>
    private static RuleCatalog CatalogFor(RuleCatalog catalog, PolicyConfig config)
    {
        foreach (var directory in config.RulePaths)
        {
            if (!System.IO.Directory.Exists(directory))
            {
                throw new PolicyDefinitionException(config.SourcePath ?? "policy", 1, $"rule path '{directory}' does not exist");
            }

            catalog = catalog.WithPacksFrom(directory);
        }

        return catalog;
    }

    private static void ValidateOverrides(PolicyConfig config, IReadOnlyList<Rule> rules, IReadOnlyList<RulePack> packs)
    {
        var known = new HashSet<string>(packs.SelectMany(p => p.Rules).Select(r => r.Id), StringComparer.Ordinal);
        var named = config.Rules.Concat(config.Environments.SelectMany(e => e.Rules));
        foreach (var entry in named.OrderBy(e => e.Value.Line))
        {
            if (!known.Contains(entry.Key))
            {
                throw new PolicyDefinitionException(config.SourcePath ?? "policy", entry.Value.Line, $"rule {entry.Key} is not defined by any pack in use");
            }
        }
    }

    /// <summary>Maps each source to the environment that judges it, building each environment's rule set once.</summary>
    private sealed class EnvironmentResolver
    {
        private readonly EvaluationRequest request;
        private readonly EnvironmentRuleSet fallback;
        private readonly Dictionary<string, EnvironmentRuleSet> named = new(StringComparer.Ordinal);
        private readonly EnvironmentRuleSet? forced;

        public EnvironmentResolver(EvaluationRequest request, IReadOnlyList<Rule> rules)
        {
            this.request = request;
            var config = request.Config;
            fallback = new EnvironmentRuleSet(null, null, Threshold(config.FailOn), rules, config.Rules, null, config.Profile);
            foreach (var environment in config.Environments)
            {
                named[environment.Name] = new EnvironmentRuleSet(environment, environment.Name, Threshold(environment.FailOn), rules, config.Rules, environment.Rules, environment.Profile ?? config.Profile);
            }

            if (request.Environment is { } name)
            {
                if (named.TryGetValue(name, out var existing))
                {
                    forced = existing;
                }
                else if (config.Environments.Count == 0)
                {
                    forced = new EnvironmentRuleSet(null, name, Threshold(config.FailOn), rules, config.Rules, null, config.Profile);
                }
                else
                {
                    throw new PolicyDefinitionException(config.SourcePath ?? "policy", 1, $"environment '{name}' is not defined; defined: {string.Join(", ", named.Keys)}");
                }
            }
        }

        public EnvironmentRuleSet For(ManifestSource source)
        {
            if (forced is not null)
            {
                return forced;
            }

            if (source.Rendering is { } rendering)
            {
                // Overlays map onto environments by folder name (overlays/production is production), else by path.
                if (named.TryGetValue(rendering.UnitName, out var byName))
                {
                    return byName;
                }

                var root = request.Config.RootDirectory;
                var unit = InputCollector.RelativePath(rendering.UnitFullPath, root);
                var unitFile = InputCollector.RelativePath(System.IO.Path.Combine(rendering.UnitFullPath, FolderFile(source)), root);
                foreach (var environment in request.Config.Environments)
                {
                    if ((unit is not null && environment.Contains(unit)) || (unitFile is not null && environment.Contains(unitFile)))
                    {
                        return named[environment.Name];
                    }
                }

                return fallback;
            }

            var relative = source.FullPath is null ? null : InputCollector.RelativePath(source.FullPath, request.Config.RootDirectory);
            if (relative is not null)
            {
                foreach (var environment in request.Config.Environments)
                {
                    if (environment.Contains(relative))
                    {
                        return named[environment.Name];
                    }
                }
            }

            return fallback;
        }

        private static string FolderFile(ManifestSource source) => System.IO.Path.GetFileName(source.DisplayPath);

        private Severity? Threshold(Severity? configured) => request.FailOn is { } cli ? cli.Threshold : configured;
    }
}
