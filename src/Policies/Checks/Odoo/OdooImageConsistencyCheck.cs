using System.Linq;
using PolicyKit.Policies.CrossResource;

namespace PolicyKit.Policies.Checks.Odoo;

/// <summary>
/// The Odoo servers of one tenant (web, workers, cron) run the same image: one repository, tag and digest. The
/// reference is the image of the tenant's web servers (those a Service selects; the most common one, the first in input
/// order on a tie); a server that differs is reported at its image. A tenant without a web server in the input has no
/// reference and is not judged.
/// </summary>
internal sealed class OdooImageConsistencyCheck : CrossResourceCheck
{
    public OdooImageConsistencyCheck(CheckParameters parameters)
    {
    }

    public override void Judge(CrossResourceIndex index, CrossResourceSink sink)
    {
        var topology = OdooTopology.For(index);
        foreach (var tenant in topology.Instances.Where(i => i.Container.Image is not null).GroupBy(OdooRoles.Tenant))
        {
            var common = tenant.Where(topology.IsSelected).GroupBy(i => i.Container.Image!.Trim()).OrderByDescending(g => g.Count()).FirstOrDefault();
            if (common is null)
            {
                continue;
            }

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
