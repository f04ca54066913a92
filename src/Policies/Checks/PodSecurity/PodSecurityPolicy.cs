using System.Collections.Generic;
using PolicyKit.Policies.Model;

namespace PolicyKit.Policies.Checks.PodSecurity;

/// <summary>How a Pod Security level judges: <c>enforce</c> rejects; <c>audit</c> and <c>warn</c> only report.</summary>
public enum PodSecurityMode
{
    Enforce,
    Audit,
    Warn,
}

/// <summary>One mode's level and version for a resource, and what set them (for the report).</summary>
public readonly struct PodSecurityTarget
{
    public PodSecurityTarget(PodSecurityLevel level, PodSecurityVersion version, string source)
    {
        Level = level;
        Version = version;
        Source = source;
        Minor = version.EffectiveMinor;
    }

    public PodSecurityLevel Level { get; }

    public PodSecurityVersion Version { get; }

    /// <summary>The minor version the checks run at (<c>latest</c> and future versions resolved).</summary>
    public int Minor { get; }

    /// <summary><c>namespace:NAME</c>, <c>cli</c>, <c>environment:NAME</c>, <c>policy</c> or <c>default</c>.</summary>
    public string Source { get; }

    public override string ToString() => Level.ToName() + ":" + Version;
}

/// <summary>
/// The enforce, audit and warn levels a resource is judged at, resolved the way the PodSecurity admission controller
/// resolves a namespace: the namespace's <c>pod-security.kubernetes.io/*</c> labels, label by label, over the defaults.
/// Here the defaults are <c>--pss-level</c>/<c>--pss-version</c>, else the environment's then the policy file's
/// <c>podSecurity</c>, else <c>privileged:latest</c> (nothing enforced, as on a cluster without labels). The defaults set
/// <c>enforce</c>; <c>audit</c> and <c>warn</c> come from labels only.
/// </summary>
public sealed class PodSecurityPolicy
{
    public const string LabelPrefix = "pod-security.kubernetes.io/";

    public PodSecurityPolicy(PodSecurityTarget enforce, PodSecurityTarget audit, PodSecurityTarget warn)
    {
        Enforce = enforce;
        Audit = audit;
        Warn = warn;
    }

    public PodSecurityTarget Enforce { get; }

    public PodSecurityTarget Audit { get; }

    public PodSecurityTarget Warn { get; }

    /// <summary>Nothing to check: every mode is privileged.</summary>
    public bool IsFullyPrivileged =>
        Enforce.Level == PodSecurityLevel.Privileged && Audit.Level == PodSecurityLevel.Privileged && Warn.Level == PodSecurityLevel.Privileged;

    /// <summary>
    /// The namespace a resource is judged in: its <c>metadata.namespace</c>, else <c>default</c>, where the API server
    /// (and kubectl without a context namespace) puts it. Render kustomizations first so namespaces are explicit.
    /// </summary>
    public static string NamespaceOf(Resource resource) => resource.Identity.Namespace ?? "default";

    /// <summary>
    /// Resolves the policy of a resource in namespace <paramref name="namespaceName"/>: <paramref name="defaults"/>, with
    /// the labels of that namespace (null when the input does not define it) applied over them.
    /// </summary>
    internal static PodSecurityPolicy Resolve(PodSecurityTarget defaults, string namespaceName, NamespacePodSecurityLabels? labels)
    {
        var privileged = new PodSecurityTarget(PodSecurityLevel.Privileged, PodSecurityVersion.Latest, "default");
        var enforce = defaults;
        var audit = privileged;
        var warn = privileged;

        if (labels is { HasLabels: true })
        {
            var source = "namespace:" + namespaceName;
            enforce = Apply(labels, PodSecurityMode.Enforce, enforce, source, failClosed: true);
            audit = Apply(labels, PodSecurityMode.Audit, audit, source, failClosed: false);
            warn = Apply(labels, PodSecurityMode.Warn, warn, source, failClosed: false);
        }

        return new PodSecurityPolicy(enforce, audit, warn);
    }

    /// <summary>The level and version that apply where no namespace label decides: command line, environment, policy.</summary>
    public static PodSecurityTarget Defaults(EvaluationContext context)
    {
        var cli = context.PodSecurity;
        var environment = context.Environment?.PodSecurity;
        var policy = context.Config.PodSecurity;
        var environmentSource = "environment:" + context.Environment?.Name;

        PodSecurityLevel level;
        string source;
        if (cli?.Level is { } cliLevel)
        {
            (level, source) = (cliLevel, "cli");
        }
        else if (environment?.Level is { } environmentLevel)
        {
            (level, source) = (environmentLevel, environmentSource);
        }
        else if (policy?.Level is { } policyLevel)
        {
            (level, source) = (policyLevel, "policy");
        }
        else
        {
            (level, source) = (PodSecurityLevel.Privileged, "default");
        }

        var version = cli?.Version ?? environment?.Version ?? policy?.Version ?? PodSecurityVersion.Latest;
        return new PodSecurityTarget(level, version, source);
    }

    /// <summary>
    /// Applies <c>MODE</c> and <c>MODE-version</c> labels over <paramref name="fallback"/>. Like the admission controller, an
    /// unreadable level falls back to restricted for enforce (fail closed) and to privileged for audit and warn (fail
    /// open); an unreadable version means latest.
    /// </summary>
    private static PodSecurityTarget Apply(NamespacePodSecurityLabels labels, PodSecurityMode modeValue, PodSecurityTarget fallback, string source, bool failClosed)
    {
        var mode = modeValue.ToString().ToLowerInvariant();
        var levelLabel = labels.Level(modeValue);
        var versionLabel = labels.Version(modeValue);
        if (!levelLabel.Present && !versionLabel.Present)
        {
            return fallback;
        }

        var level = fallback.Level;
        var version = fallback.Version;
        var problems = (List<string>?)null;
        if (levelLabel.Present)
        {
            var text = levelLabel.Text;
            if (!PodSecurityLevels.TryParse(text, out level))
            {
                level = failClosed ? PodSecurityLevel.Restricted : PodSecurityLevel.Privileged;
                (problems ??= new List<string>()).Add($"invalid {mode} label \"{text}\"");
            }
        }

        if (versionLabel.Present)
        {
            var text = versionLabel.Text;
            if (!PodSecurityVersion.TryParse(text, out version))
            {
                version = PodSecurityVersion.Latest;
                (problems ??= new List<string>()).Add($"invalid {mode}-version label \"{text}\"");
            }
        }

        return new PodSecurityTarget(level, version, problems is null ? source : source + " (" + string.Join("; ", problems) + ")");
    }
}
