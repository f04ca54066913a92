using PolicyKit.Policies.Model;
using PolicyKit.Policies.Yaml;

namespace PolicyKit.Policies.Checks.PodSecurity;

/// <summary>
/// The <c>pod-security.kubernetes.io/*</c> labels of one <c>Namespace</c>, recorded as it streams past so pods in any
/// file can be judged at its level without the Namespace's tree (or its file) being read twice.
/// </summary>
internal sealed class NamespacePodSecurityLabels
{
    private static readonly string[] Modes = { "enforce", "audit", "warn" };

    // Per mode: the level label, then the version label; Present tells an absent label from one set to null.
    private readonly LabelValue[] values;

    private NamespacePodSecurityLabels(string name, bool hasLabels, LabelValue[] values)
    {
        Name = name;
        HasLabels = hasLabels;
        this.values = values;
    }

    public string Name { get; }

    /// <summary>Whether <c>metadata.labels</c> is a mapping; without one the namespace changes nothing.</summary>
    public bool HasLabels { get; }

    /// <summary>The labels of <paramref name="resource"/> when it is a named <c>v1</c> Namespace, else null.</summary>
    public static NamespacePodSecurityLabels? Of(Resource resource)
    {
        var identity = resource.Identity;
        if (identity.Kind != "Namespace" || identity.ApiVersion != "v1" || identity.Name is null)
        {
            return null;
        }

        var labels = resource.Root.GetMapping("metadata")?.GetMapping("labels");
        var values = new LabelValue[Modes.Length * 2];
        if (labels is not null)
        {
            for (var m = 0; m < Modes.Length; m++)
            {
                values[m * 2] = LabelValue.Of(labels.Get(PodSecurityPolicy.LabelPrefix + Modes[m]));
                values[(m * 2) + 1] = LabelValue.Of(labels.Get(PodSecurityPolicy.LabelPrefix + Modes[m] + "-version"));
            }
        }

        return new NamespacePodSecurityLabels(identity.Name, labels is not null, values);
    }

    /// <summary>Whether <paramref name="other"/> sets the same Pod Security labels, so pods in the namespace are judged alike.</summary>
    public bool SameLabels(NamespacePodSecurityLabels other)
    {
        if (Name != other.Name || HasLabels != other.HasLabels)
        {
            return false;
        }

        for (var i = 0; i < values.Length; i++)
        {
            if (values[i].Present != other.values[i].Present || values[i].Text != other.values[i].Text)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The <c>MODE</c> label of <paramref name="mode"/> (<c>enforce</c>, <c>audit</c> or <c>warn</c>).</summary>
    public LabelValue Level(PodSecurityMode mode) => values[(int)mode * 2];

    /// <summary>The <c>MODE-version</c> label of <paramref name="mode"/>.</summary>
    public LabelValue Version(PodSecurityMode mode) => values[((int)mode * 2) + 1];

    /// <summary>One label as the admission controller reads it: absent, or present with its string (null when not a string).</summary>
    internal readonly struct LabelValue
    {
        private LabelValue(bool present, string? text)
        {
            Present = present;
            Text = text;
        }

        public bool Present { get; }

        public string? Text { get; }

        public static LabelValue Of(YamlNode? node) => new(node is not null, PodSecurity.Text.String(node));
    }
}
