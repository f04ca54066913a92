using System.Collections.Generic;

namespace PolicyKit.Policies.CrossResource.Facts;

/// <summary>
/// A ConfigMap's one-line <c>data</c> values, each with where it is written: what a container's <c>envFrom</c> turns
/// into environment variables. Multi-line values (files such as <c>odoo.conf</c>) are left to their own collectors.
/// </summary>
internal sealed class ConfigMapValuesFact : ResourceFact
{
    public ConfigMapValuesFact(FactOrigin origin, IReadOnlyDictionary<string, (string Value, FactLocation At)> values)
        : base(origin)
    {
        Values = values;
    }

    public IReadOnlyDictionary<string, (string Value, FactLocation At)> Values { get; }
}
