using System.Collections.Generic;
using PolicyKit.Policies.Model;
using PolicyKit.Policies.Rules;
using PolicyKit.Policies.Yaml;

namespace PolicyKit.Policies.Checks;

/// <summary>A rule's failure at one node of one resource, before policy (severity overrides, environments) is applied.</summary>
/// <c>Properties</c> carry check-specific facts reports show beside the message (e.g. the Pod Security level that judged it).
/// An <c>Advisory</c> violation is reported but never blocks, whatever its severity (e.g. a Pod Security <c>warn</c> label).
public sealed record Violation(Rule Rule, Resource Resource, int Line, int Column, string FieldPath, string Message, IReadOnlyList<KeyValuePair<string, string>> Properties, bool Advisory = false);

/// <summary>
/// Where checks report. One sink serves a whole file, re-aimed at each rule and resource in turn, so evaluating
/// allocates nothing until something is actually wrong.
/// </summary>
public sealed class ViolationSink
{
    private readonly List<Violation> violations;
    private Rule? rule;
    private Resource? resource;

    private static readonly KeyValuePair<string, string>[] NoProperties = new KeyValuePair<string, string>[0];

    internal ViolationSink(List<Violation> violations, EvaluationContext context)
    {
        this.violations = violations;
        Context = context;
    }

    /// <summary>The run around the resource being judged.</summary>
    public EvaluationContext Context { get; }

    internal void Aim(Rule currentRule, Resource currentResource)
    {
        rule = currentRule;
        resource = currentResource;
    }

    /// <summary>Records a violation at <paramref name="at"/>, filling the rule's message from <paramref name="arguments"/>.</summary>
    public void Report(YamlNode at, string fieldPath, params KeyValuePair<string, string>[] arguments) =>
        Report(at, fieldPath, arguments, NoProperties);

    /// <summary>Records a violation with <paramref name="properties"/> that reports show beside the message.</summary>
    public void Report(YamlNode at, string fieldPath, IReadOnlyList<KeyValuePair<string, string>> arguments, IReadOnlyList<KeyValuePair<string, string>> properties) =>
        Report(at, fieldPath, arguments, properties, advisory: false);

    /// <summary>Records a violation that, when <paramref name="advisory"/>, is reported but never blocks.</summary>
    public void Report(YamlNode at, string fieldPath, IReadOnlyList<KeyValuePair<string, string>> arguments, IReadOnlyList<KeyValuePair<string, string>> properties, bool advisory) =>
        Report(at.Line, at.Column, fieldPath, arguments, properties, advisory);

    /// <summary>Records a violation at a position recorded earlier (a fact about the resource) rather than at a node.</summary>
    public void Report(int line, int column, string fieldPath, IReadOnlyList<KeyValuePair<string, string>> arguments, IReadOnlyList<KeyValuePair<string, string>> properties, bool advisory)
    {
        var identity = resource!.Identity;
        var all = new List<KeyValuePair<string, string>>(arguments.Count + 3);
        all.AddRange(arguments);
        all.Add(Argument("kind", identity.Kind));
        all.Add(Argument("name", identity.Name ?? "(unnamed)"));
        all.Add(Argument("namespace", identity.Namespace ?? "default"));
        violations.Add(new Violation(rule!, resource, line, column, fieldPath, rule!.Message.Format(all), properties, advisory));
    }

    public static KeyValuePair<string, string> Argument(string name, string value) => new(name, value);
}
