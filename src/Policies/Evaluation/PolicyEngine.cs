using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using PolicyKit.Policies.Checks;
using PolicyKit.Policies.Checks.PodSecurity;
using PolicyKit.Policies.Configuration;
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
    /// <exception cref="PolicyDefinitionException">The policy asks for packs, environments or rules that do not exist.</exception>
    public static EvaluationResult Evaluate(EvaluationRequest request)
    {
        var config = request.Config;
        var exceptionSources = request.ExceptionSources ?? ExceptionFiles.Collect(config);
        var catalog = CatalogFor(request.Catalog, config);
        var packs = ExceptionPack.AddWhenNeeded(PackResolver.Resolve(catalog, config), catalog, exceptionSources.Count > 0);
        var rules = packs.SelectMany(p => p.Rules)
            .Where(r => request.Categories.Count == 0 || r.Category == Categories.Input || request.Categories.Contains(r.Category))
            .OrderBy(r => r.Id, StringComparer.Ordinal)
            .ToList();
        ValidateOverrides(config, rules, packs);
        var environments = new EnvironmentResolver(request, rules);

        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, request.MaxParallelism) };

        // Namespace labels decide how Pod Security judges every other file, so the few files that can hold a Namespace
        // are indexed first. Every other tree then lives only while its own file is judged: short-lived objects keep
        // the garbage collector's work small, where holding all trees until the end doubled the run time.
        var now = request.Now ?? DateTimeOffset.UtcNow;
        var run = new RunContext(config, NamespaceIndex.Build(request.Sources, config.Limits, parallel), request.PodSecurity, now, request.Evidence);

        var perFile = new FileOutcome[request.Sources.Count];
        Parallel.For(0, perFile.Length, parallel, i =>
        {
            var environment = environments.For(request.Sources[i]);
            perFile[i] = EvaluateFile(LoadedFile.Read(request.Sources[i], config.Limits), environment, run);
        });

        var findings = perFile.SelectMany(f => f.Findings).ToList();

        // Exceptions apply after evaluation, so every door (CLI, MSBuild, analyzer) gets the same suppressions.
        var exceptions = ExceptionApplier.Apply(findings, exceptionSources, catalog, packs, rules, config, now, environments.For);
        findings.Sort(CompareFindings);
        return new EvaluationResult(findings, packs, rules, config, perFile.Length, perFile.Sum(f => f.ResourceCount))
        {
            FailOnOverride = request.FailOn,
            Exceptions = exceptions,
            SecretRotation = new SecretRotationSummary(perFile.SelectMany(f => f.Rotation).ToList()),
            Provenance = Provenance.ProvenanceSummary.Combine(perFile.Where(f => f.Provenance is not null).Select(f => f.Provenance!)),
        };
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
                items.Add(new SecretRotationItem(identity.Kind, identity.Namespace, identity.Name, file.Source.DisplayPath, assessment.At.Line, environment.Name, assessment.Compliant, assessment.Reason));
            }
        }

        return items;
    }

    private static FileOutcome EvaluateFile(LoadedFile file, EnvironmentRuleSet environment, RunContext run)
    {
        var source = file.Source;
        var context = new EvaluationContext(run.Config, run.Namespaces) { Environment = environment.Environment, PodSecurity = run.PodSecurity, Now = run.Now, Evidence = run.Evidence };
        var violations = new List<Violation>();
        var sink = new ViolationSink(violations, context);
        var findings = new List<Finding>();
        foreach (var resource in file.Resources)
        {
            foreach (var binding in environment.ForKind(resource.Identity.Kind))
            {
                sink.Aim(binding.Rule, resource);
                var before = violations.Count;
                binding.Rule.Check.Evaluate(resource, sink);
                for (var v = before; v < violations.Count; v++)
                {
                    findings.Add(ToFinding(violations[v], binding.Severity, environment));
                }
            }
        }

        foreach (var problem in file.Problems)
        {
            if (environment.TryGetInputRule(problem.Kind, out var binding))
            {
                var message = binding.Rule.Message.Format(new[] { ViolationSink.Argument("detail", problem.Detail) });
                findings.Add(new Finding(
                    binding.Rule,
                    binding.Severity,
                    message,
                    null,
                    source.DisplayPath,
                    problem.Line,
                    problem.Column,
                    string.Empty,
                    Fingerprints.ForInput(binding.Rule.Id, environment.Name, source.DisplayPath, problem.DocumentIndex),
                    environment.Name,
                    environment.Blocks(binding.Severity),
                    Array.Empty<KeyValuePair<string, string>>()));
            }
        }

        var provenancePolicy = environment.Environment?.Provenance ?? run.Config.Provenance?.Policy;
        var provenance = Provenance.ProvenanceSummary.Measure(file.Resources, environment.Name, provenancePolicy, run.Evidence);
        return new FileOutcome(findings, file.Resources.Count, MeasureRotation(file, environment, run), provenance);
    }

    private static Finding ToFinding(Violation violation, Severity severity, EnvironmentRuleSet environment) => new(
        violation.Rule,
        severity,
        violation.Message,
        violation.Resource.Identity,
        violation.Resource.Source.DisplayPath,
        violation.Line,
        violation.Column,
        violation.FieldPath,
        Fingerprints.ForResource(violation.Rule.Id, environment.Name, violation.Resource.Identity, violation.FieldPath),
        environment.Name,
        !violation.Advisory && environment.Blocks(severity),
        SortedProperties(violation.Properties),
        violation.Advisory)
    {
        Origin = violation.Resource,
    };

    private static IReadOnlyList<KeyValuePair<string, string>> SortedProperties(IReadOnlyList<KeyValuePair<string, string>> properties) =>
        properties.Count <= 1 ? properties : properties.OrderBy(p => p.Key, StringComparer.Ordinal).ToList();

    /// <summary>What judging one file produced; its parsed tree is not kept.</summary>
    private sealed record FileOutcome(List<Finding> Findings, int ResourceCount, List<SecretRotationItem> Rotation, Provenance.ProvenanceFigure? Provenance);

    private sealed record RunContext(PolicyConfig Config, IReadOnlyDictionary<string, Resource> Namespaces, PodSecuritySettings? PodSecurity, DateTimeOffset Now, Provenance.IImageEvidenceSource? Evidence);

    private static int CompareFindings(Finding a, Finding b)
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
            fallback = new EnvironmentRuleSet(null, null, Threshold(config.FailOn), rules, config.Rules, null);
            foreach (var environment in config.Environments)
            {
                named[environment.Name] = new EnvironmentRuleSet(environment, environment.Name, Threshold(environment.FailOn), rules, config.Rules, environment.Rules);
            }

            if (request.Environment is { } name)
            {
                if (named.TryGetValue(name, out var existing))
                {
                    forced = existing;
                }
                else if (config.Environments.Count == 0)
                {
                    forced = new EnvironmentRuleSet(null, name, Threshold(config.FailOn), rules, config.Rules, null);
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

        private Severity? Threshold(Severity? configured) => request.FailOn is { } cli ? cli.Threshold : configured;
    }
}
