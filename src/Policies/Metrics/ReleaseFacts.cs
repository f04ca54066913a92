using System.Collections.Generic;
using PolicyKit.Policies.Secrets;

namespace PolicyKit.Policies.Metrics;

/// <summary>
/// What judging one release produced, kept compact so a long history fits in memory: findings, resources per environment,
/// secret rotation, exception records and deployed images. <see cref="PolicyError"/> is set, and the rest empty, when
/// the release's own policy file could not be read.
/// </summary>
public sealed class ReleaseFacts
{
    public ReleaseFacts(Release release)
    {
        Release = release;
    }

    public Release Release { get; }

    /// <summary>The <c>metrics</c> settings of the release's own policy (defaults when it has none or it is unreadable).</summary>
    public Configuration.MetricsSettings Settings { get; init; } = Configuration.MetricsSettings.Default;

    /// <summary>Why the release could not be judged (its policykit.yaml is invalid), with the file and line.</summary>
    public string? PolicyError { get; init; }

    public IReadOnlyList<FindingFact> Findings { get; init; } = new List<FindingFact>();

    /// <summary>Resources per environment (<c>default</c> for paths no environment claims).</summary>
    public IReadOnlyDictionary<string, int> Resources { get; init; } = new Dictionary<string, int>();

    public IReadOnlyList<SecretRotationItem> Rotation { get; init; } = new List<SecretRotationItem>();

    public IReadOnlyList<ExceptionFact> Exceptions { get; init; } = new List<ExceptionFact>();

    public IReadOnlyList<ImageFact> Images { get; init; } = new List<ImageFact>();

    /// <summary>The environments deploying images whose provenance requirements (their own or the policy-wide ones) exist.</summary>
    public IReadOnlyCollection<string> ProvenancePolicies { get; init; } = new List<string>();

    /// <summary>
    /// The privileged-access changes since the previous judged release (the pull-request gate's access diff); none for
    /// the first judged release, which is compared with nothing.
    /// </summary>
    public IReadOnlyList<AccessChangeFact> AccessChanges { get; init; } = new List<AccessChangeFact>();

    /// <summary>Files whose content changed since the previous release judged.</summary>
    public int FilesChanged { get; init; }

    public int FilesTotal { get; init; }

    /// <summary>Whether the release's gate verdict was fail: a blocking finding, or a policy that could not be read.</summary>
    public bool Failed
    {
        get
        {
            if (PolicyError is not null)
            {
                return true;
            }

            foreach (var finding in Findings)
            {
                if (finding.Blocking)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
