using System.Globalization;
using PolicyKit.Policies.CrossResource;

namespace PolicyKit.Policies.Checks.Odoo;

/// <summary>
/// Odoo's deployment documentation sizes workers at (CPU × 2) + 1. Reports a server whose written <c>workers</c> is
/// above that for its container's CPU limit (rounded down). Servers without a CPU limit, cron runners (their HTTP
/// workers are not spawned) and workers the input does not write are not judged.
/// </summary>
internal sealed class OdooWorkerCountCheck : CrossResourceCheck
{
    public OdooWorkerCountCheck(CheckParameters parameters)
    {
    }

    public override void Judge(CrossResourceIndex index, CrossResourceSink sink)
    {
        foreach (var instance in OdooTopology.For(index).Instances)
        {
            if (instance.Container.CpuLimitMillis is not { } millis || millis <= 0 || OdooRoles.IsCronRunner(instance)
                || instance.Setting("workers") is not { } workers || OdooValues.Integer(workers.Value) is not { } count)
            {
                continue;
            }

            var most = (2 * millis / 1000) + 1;
            if (count > most)
            {
                sink.Report(
                    workers.Origin,
                    workers.At,
                    CrossResourceSink.Argument("odoo", instance.Describe()),
                    CrossResourceSink.Argument("workers", count.ToString(CultureInfo.InvariantCulture)),
                    CrossResourceSink.Argument("cpu", Cpu(millis)),
                    CrossResourceSink.Argument("most", most.ToString(CultureInfo.InvariantCulture)));
            }
        }
    }

    private static string Cpu(long millis) =>
        millis % 1000 == 0 ? (millis / 1000).ToString(CultureInfo.InvariantCulture) : millis.ToString(CultureInfo.InvariantCulture) + "m";
}
