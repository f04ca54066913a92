using PolicyKit.Policies.CrossResource;

namespace PolicyKit.Policies.Checks.Odoo;

/// <summary>
/// In multi-processing mode Odoo's defaults for <c>limit_time_cpu</c>, <c>limit_time_real</c> and
/// <c>limit_request</c> are safe, so only values written in the input are judged: 0 or less (not "no limit" in Odoo's
/// prefork server, which kills a worker whose budget is spent — at once — and recycles one that reached its request
/// count, after every request), and a real-time limit below the CPU limit (the CPU limit can never apply).
/// </summary>
internal sealed class OdooTimeLimitCheck : CrossResourceCheck
{
    private static readonly string[] Limits = { "limit_time_cpu", "limit_time_real", "limit_request" };

    public OdooTimeLimitCheck(CheckParameters parameters)
    {
    }

    public override void Judge(CrossResourceIndex index, CrossResourceSink sink)
    {
        foreach (var instance in OdooTopology.For(index).Instances)
        {
            var workers = instance.Setting("workers");
            if ((workers is null && !instance.ConfigKnown) || OdooValues.Integer(workers?.Value ?? "0") is not > 0)
            {
                continue;
            }

            var notPositive = false;
            foreach (var option in Limits)
            {
                if (instance.Setting(option) is { } setting && OdooValues.Integer(setting.Value) is <= 0)
                {
                    notPositive = true;
                    var effect = option == "limit_request" ? "recycles every worker after each request" : "kills every worker as soon as it works";
                    Report(sink, setting, instance, $"sets {option} = {setting.Value.Trim()}; Odoo does not read 0 as no limit, its prefork server {effect}: remove the option (Odoo's default applies) or set a positive limit");
                }
            }

            if (!notPositive
                && instance.Setting("limit_time_real") is { } real && instance.Setting("limit_time_cpu") is { } cpu
                && OdooValues.Integer(real.Value) is { } realSeconds && OdooValues.Integer(cpu.Value) is { } cpuSeconds && realSeconds < cpuSeconds)
            {
                Report(sink, real, instance, $"sets limit_time_real = {realSeconds} below limit_time_cpu = {cpuSeconds}; a request cannot use more CPU time than wall time, so the CPU limit never applies: set limit_time_real above limit_time_cpu");
            }
        }
    }

    private static void Report(CrossResourceSink sink, OdooSetting setting, OdooInstance instance, string problem) =>
        sink.Report(setting.Origin, setting.At, CrossResourceSink.Argument("odoo", instance.Describe()), CrossResourceSink.Argument("problem", problem));
}
