using System;

namespace PolicyKit.Policies.Configuration;

/// <summary>
/// Which environments are production, for rules that only hold there (Odoo's database manager, demo data): an
/// environment's explicit <c>production: true|false</c>, else its name — <c>production</c> or <c>prod</c>, alone or as a
/// dash-separated part (<c>prod-eu</c>, <c>acme-production</c>). Without an environment nothing is production, so those
/// rules stay quiet rather than guess.
/// </summary>
public static class ProductionEnvironments
{
    public static bool IsProduction(string? name, bool? declared)
    {
        if (declared is { } explicitly)
        {
            return explicitly;
        }

        if (name is null)
        {
            return false;
        }

        foreach (var part in name.Split('-', '_', '.', '/'))
        {
            if (part.Equals("production", StringComparison.OrdinalIgnoreCase) || part.Equals("prod", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
