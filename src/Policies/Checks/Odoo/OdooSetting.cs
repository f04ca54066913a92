using PolicyKit.Policies.CrossResource;

namespace PolicyKit.Policies.Checks.Odoo;

/// <summary>
/// The value one Odoo option takes for a container, where it was written (the resource and field to change) and by what
/// means: a line of its <c>odoo.conf</c>, a command-line flag, or an environment variable the official image reads.
/// </summary>
internal sealed record OdooSetting(string Option, string Value, OdooSettingSource Source, FactOrigin Origin, FactLocation At)
{
    /// <summary>Odoo's reading of a boolean option: only <c>False</c>, <c>false</c>, <c>None</c> and an empty value are off.</summary>
    public bool IsOn => !OdooValues.IsOff(Value);
}

internal enum OdooSettingSource
{
    ConfigFile,
    CommandLine,
    Environment,
}
