using System.Linq;
using PolicyKit.Policies.CrossResource;

namespace PolicyKit.Policies.Checks.Odoo;

/// <summary>
/// The Odoo servers of one tenant (web, workers, cron) run the same image: one repository, tag and digest. A server
/// that differs from the tenant's most common image (the first in input order on a tie) is reported at its image.
/// </summary>
internal sealed class OdooImageConsistencyCheck : CrossResourceCheck
{
    public OdooImageConsistencyCheck(CheckParameters parameters)
    {
    }

    public override void Judge(CrossResourceIndex index, CrossResourceSink sink)
    {
        foreach (var tenant in OdooInstances.In(index).Where(i => i.Container.Image is not null).GroupBy(OdooRoles.Tenant))
        {
            var common = tenant.GroupBy(i => i.Container.Image!.Trim()).OrderByDescending(g => g.Count()).First();
            foreach (var instance in tenant.Where(i => i.Container.Image!.Trim() != common.Key))
            {
                sink.Report(
                    instance.Workload,
                    instance.Container.ImageAt,
                    CrossResourceSink.Argument("odoo", instance.Describe()),
                    CrossResourceSink.Argument("image", instance.Container.Image!.Trim()),
                    CrossResourceSink.Argument("expected", common.Key),
                    CrossResourceSink.Argument("other", common.First().Describe()));
            }
        }
    }
}
