using System.Collections.Generic;

namespace PolicyKit.Policies.CrossResource.Facts;

/// <summary>
/// An Odoo configuration text: an <c>odoo.conf</c> file, or one carried in a ConfigMap's data key. Only its options and
/// their positions are kept, so findings point at the option line inside the file or the ConfigMap's block scalar.
/// </summary>
internal sealed class OdooConfigFact : ResourceFact
{
    public OdooConfigFact(FactOrigin origin, string? dataKey, FactLocation headerAt, IReadOnlyList<OdooConfigOption> options)
        : base(origin)
    {
        DataKey = dataKey;
        HeaderAt = headerAt;
        Options = options;
    }

    /// <summary>The ConfigMap data key holding the text (<c>odoo.conf</c>); null for a <c>.conf</c> file.</summary>
    public string? DataKey { get; }

    /// <summary>Whether the configuration is a ConfigMap's (pods mount it) rather than a file of its own.</summary>
    public bool IsConfigMap => DataKey is not null;

    /// <summary>The <c>[options]</c> header, where a missing option would be added.</summary>
    public FactLocation HeaderAt { get; }

    /// <summary>The <c>[options]</c> section's options, in file order (a later duplicate wins, as in Odoo).</summary>
    public IReadOnlyList<OdooConfigOption> Options { get; }

    public OdooConfigOption? Option(string key)
    {
        OdooConfigOption? found = null;
        foreach (var option in Options)
        {
            if (option.Key == key)
            {
                found = option;
            }
        }

        return found;
    }
}

/// <summary>One <c>key = value</c> of the <c>[options]</c> section, located at its value.</summary>
internal sealed record OdooConfigOption(string Key, string Value, FactLocation At);
