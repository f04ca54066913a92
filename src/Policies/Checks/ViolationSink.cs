using System.Collections.Generic;
using PolicyKit.Policies.Exceptions;
using PolicyKit.Policies.Model;
using PolicyKit.Policies.Rules;
using PolicyKit.Policies.Yaml;

namespace PolicyKit.Policies.Checks;

/// <summary>A rule's failure at one node of one resource, before policy (severity overrides, environments) is applied.</summary>
/// <c>Properties</c> carry check-specific facts reports show beside the message (e.g. the Pod Security level that judged it).
/// An <c>Advisory</c> violation is reported but never blocks, whatever its severity (e.g. a Pod Security <c>warn</c> label).
/// <c>Image</c> is the container image the offending field holds, when it is an <c>image</c> field, for exception scopes.
internal sealed record Violation(Rule Rule, JudgedResource Resource, int Line, int Column, string FieldPath, string Message, IReadOnlyList<KeyValuePair<string, string>> Properties, bool Advisory, string? Image)
{
    /// <summary>For a rendered resource whose tree is gone: where the field is written, found while the tree was at hand.</summary>
    public Loading.SourceLocation? Located { get; init; }
}

/// <summary>A judgement a check put off until every file is read, with the rule and resource it is about.</summary>
internal sealed record PendingJudgement(Rule Rule, JudgedResource Resource, DeferredJudgement Judgement);

/// <summary>
/// Where checks report. One sink serves a whole file, re-aimed at each rule and resource in turn, so evaluating
/// allocates nothing until something is actually wrong. Violations keep only the compact facts of their resource
/// (<see cref="JudgedResource"/>), never its tree.
/// </summary>
public sealed class ViolationSink
{
    private static readonly KeyValuePair<string, string>[] NoProperties = new KeyValuePair<string, string>[0];

    private readonly List<Violation> violations;
    private readonly List<PendingJudgement> pending;
    private Rule? rule;
    private Resource? resource;
    private JudgedResource? judged;

    internal ViolationSink(List<Violation> violations, List<PendingJudgement> pending, EvaluationContext context)
    {
        this.violations = violations;
        this.pending = pending;
        Context = context;
    }

    /// <summary>The run around the resource being judged.</summary>
    public EvaluationContext Context { get; }

    internal void Aim(Rule currentRule, Resource currentResource)
    {
        rule = currentRule;
        if (!ReferenceEquals(resource, currentResource))
        {
            resource = currentResource;
            judged = null;
        }
    }

    /// <summary>Aims at a resource whose tree is gone, to settle a judgement deferred while it was read.</summary>
    internal void Aim(Rule currentRule, JudgedResource currentResource)
    {
        rule = currentRule;
        resource = null;
        judged = currentResource;
    }

    /// <summary>Records a violation at <paramref name="at"/>, filling the rule's message from <paramref name="arguments"/>.</summary>
    public void Report(YamlNode at, string fieldPath, params KeyValuePair<string, string>[] arguments) =>
        Report(at, fieldPath, arguments, NoProperties);

    /// <summary>Records a violation with <paramref name="properties"/> that reports show beside the message.</summary>
    public void Report(YamlNode at, string fieldPath, IReadOnlyList<KeyValuePair<string, string>> arguments, IReadOnlyList<KeyValuePair<string, string>> properties) =>
        Report(at, fieldPath, arguments, properties, advisory: false);

    /// <summary>Records a violation that, when <paramref name="advisory"/>, is reported but never blocks.</summary>
    public void Report(YamlNode at, string fieldPath, IReadOnlyList<KeyValuePair<string, string>> arguments, IReadOnlyList<KeyValuePair<string, string>> properties, bool advisory) =>
        Report(at.Line, at.Column, fieldPath, arguments, properties, advisory, resource is null ? null : ExceptionSubject.ImageAt(resource.Root, fieldPath));

    /// <summary>Records a violation located by line and column, for judgements settled after the tree is gone.</summary>
    internal void Report(int line, int column, string fieldPath, IReadOnlyList<KeyValuePair<string, string>> arguments, IReadOnlyList<KeyValuePair<string, string>> properties, bool advisory, string? image, Loading.SourceLocation? located = null)
    {
        var subject = Subject();
        var identity = subject.Identity;

        // A rendered resource's finding is located in the files a person edits now, while its tree is at hand: the
        // finding outlives the tree.
        located ??= resource?.Source.Rendering?.Locate(resource, fieldPath, line, column);
        var all = new List<KeyValuePair<string, string>>(arguments.Count + 3);
        all.AddRange(arguments);
        all.Add(Argument("kind", identity.Kind));
        all.Add(Argument("name", identity.Name ?? "(unnamed)"));
        all.Add(Argument("namespace", identity.Namespace ?? "default"));
        violations.Add(new Violation(rule!, subject, line, column, fieldPath, rule!.Message.Format(all), properties, advisory, image) { Located = located });
    }

    /// <summary>
    /// Puts off the judgement of the current resource until every file is read, for verdicts that depend on objects
    /// elsewhere in the input (a Namespace's labels). The judgement must hold only compact facts, never the tree.
    /// </summary>
    internal void Defer(DeferredJudgement judgement) => pending.Add(new PendingJudgement(rule!, Subject(), judgement));

    /// <summary>Records a violation at a position recorded earlier (a fact about the resource) rather than at a node.</summary>
    public void Report(int line, int column, string fieldPath, IReadOnlyList<KeyValuePair<string, string>> arguments, IReadOnlyList<KeyValuePair<string, string>> properties, bool advisory) =>
        Report(line, column, fieldPath, arguments, properties, advisory, null);

    public static KeyValuePair<string, string> Argument(string name, string value) => new(name, value);

    private JudgedResource Subject() => judged ??= JudgedResource.Of(resource!);
}
