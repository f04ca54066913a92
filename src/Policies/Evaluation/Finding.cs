using System.Collections.Generic;
using PolicyKit.Policies.Exceptions;
using PolicyKit.Policies.Model;
using PolicyKit.Policies.Rules;

namespace PolicyKit.Policies.Evaluation;

/// <summary>One rule's verdict on one place of one input, after policy: effective severity, environment and blocking.</summary>
public sealed class Finding
{
    private readonly bool judgedBlocking;
    private Suppression? suppression;

    internal Finding(Rule rule, Severity severity, string message, ResourceIdentity? resource, string file, int line, int column, string fieldPath, string fingerprint, string? environment, bool blocking, IReadOnlyList<KeyValuePair<string, string>> properties, bool advisory = false)
    {
        Advisory = advisory;
        Properties = properties;
        Rule = rule;
        Severity = severity;
        Message = message;
        Resource = resource;
        File = file;
        Line = line;
        Column = column;
        FieldPath = fieldPath;
        Fingerprint = fingerprint;
        Environment = environment;
        Blocking = blocking;
        judgedBlocking = blocking;
    }

    public Rule Rule { get; }

    public string RuleId => Rule.Id;

    public string Category => Rule.Category;

    /// <summary>The severity after the policy's overrides.</summary>
    public Severity Severity { get; }

    public string Message { get; }

    /// <summary>The resource judged, or null when the finding is about a file that could not be read as resources.</summary>
    public ResourceIdentity? Resource { get; }

    public string File { get; }

    public int Line { get; }

    public int Column { get; }

    /// <summary>The offending field inside the resource, e.g. <c>spec.template.spec.containers[name=odoo].image</c>.</summary>
    public string FieldPath { get; }

    /// <summary>Stable across reformatting: built from rule, environment, resource identity and field path, never from lines.</summary>
    public string Fingerprint { get; }

    public string? Environment { get; }

    /// <summary>Whether the finding is at or above its environment's fail threshold (advisory and suppressed findings never block).</summary>
    public bool Blocking { get; private set; }

    /// <summary>Reported for information only, e.g. a Pod Security <c>audit</c> or <c>warn</c> label; never blocking.</summary>
    public bool Advisory { get; }

    /// <summary>Whether an active, valid exception record waives the finding. Suppressed findings stay in every report.</summary>
    public bool Suppressed => Suppression is not null;

    /// <summary>The exception record that waives the finding, or null. Setting it makes the finding non-blocking.</summary>
    public Suppression? Suppression
    {
        get => suppression;
        internal set
        {
            suppression = value;
            if (value is not null)
            {
                Blocking = false;
            }
        }
    }

    /// <summary>A copy as the rule judged it, before any exception waived it, for a run that reuses this one's files.</summary>
    internal Finding Reopened() => new(Rule, Severity, Message, Resource, File, Line, Column, FieldPath, Fingerprint, Environment, judgedBlocking, Properties, Advisory)
    {
        Labels = Labels,
        Image = Image,
    };

    private static readonly IReadOnlyDictionary<string, string> NoLabels = new Dictionary<string, string>();

    /// <summary>
    /// The judged object's own <c>metadata.labels</c>, for exception scopes with label selectors. Shared by every finding
    /// of the resource; the finding never holds the parse tree, so memory does not grow with trees.
    /// </summary>
    internal IReadOnlyDictionary<string, string> Labels { get; init; } = NoLabels;

    /// <summary>The image the offending field holds, when the field is a container's <c>image</c>, for exception scopes.</summary>
    internal string? Image { get; init; }

    /// <summary>Check-specific facts shown beside the message, sorted by key (e.g. <c>podSecurityLevel</c>).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Properties { get; }

    /// <summary>The named upstream control the rule implements, if any.</summary>
    public string? Check => Rule.UpstreamControl;
}
