using System.Globalization;

namespace PolicyKit.Policies.Checks.Odoo;

/// <summary>How Odoo's configuration manager reads option values from <c>odoo.conf</c> and the command line.</summary>
internal static class OdooValues
{
    /// <summary><c>False</c>/<c>false</c> become False and <c>None</c> None in Odoo; an empty value is falsy too.</summary>
    public static bool IsOff(string value)
    {
        var trimmed = value.Trim();
        return trimmed.Length == 0 || trimmed is "False" or "false" or "None";
    }

    public static long? Integer(string value) =>
        long.TryParse(value.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) ? number : null;
}
