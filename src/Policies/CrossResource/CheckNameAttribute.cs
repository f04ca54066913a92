using System;

namespace PolicyKit.Policies.CrossResource;

/// <summary>The name rule files use for a <see cref="CrossResourceCheck"/> (<c>check: odoo-proxy-mode</c>).</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
internal sealed class CheckNameAttribute : Attribute
{
    public CheckNameAttribute(string name) => Name = name;

    public string Name { get; }
}
