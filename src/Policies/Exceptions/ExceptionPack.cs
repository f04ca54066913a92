using System.Collections.Generic;
using System.Linq;
using PolicyKit.Policies.Rules;

namespace PolicyKit.Policies.Exceptions;

/// <summary>
/// The <c>exceptions</c> pack judges exception records. Whenever a policy has records, the pack joins the run even if
/// <c>packs:</c> does not list it: an exception program whose problems disappear when a pack is left out of a list is
/// no control. Listing the pack pins its version as for any other pack; reports name it like any other.
/// </summary>
internal static class ExceptionPack
{
    public const string Name = "exceptions";

    public static IReadOnlyList<RulePack> AddWhenNeeded(IReadOnlyList<RulePack> packs, RuleCatalog catalog, bool hasExceptionFiles)
    {
        if (!hasExceptionFiles || packs.Any(p => p.Name == Name))
        {
            return packs;
        }

        var newest = catalog.Packs.Where(p => p.Name == Name).OrderByDescending(p => p.Version).FirstOrDefault();
        return newest is null
            ? packs
            : packs.Concat(new[] { newest }).OrderBy(p => p.Name, System.StringComparer.Ordinal).ToList();
    }
}
