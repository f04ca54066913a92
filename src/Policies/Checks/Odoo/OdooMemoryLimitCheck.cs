using System.Globalization;
using PolicyKit.Policies.CrossResource;

namespace PolicyKit.Policies.Checks.Odoo;

/// <summary>
/// A multi-process Odoo server (<c>workers &gt; 0</c>) recycles a worker above <c>limit_memory_soft</c> and kills its
/// request above <c>limit_memory_hard</c>; both only help while the container is not killed first. Reports
/// <c>limit_memory_hard × (workers + 1)</c> (a cron runner: × <c>max_cron_threads</c>) above the container's memory
/// limit — at the option when the container
/// leaves each process at least <c>minimumPerWorker</c> (the option must go down), else at the container's limit (it
/// must go up) — and <c>limit_memory_soft</c> above <c>limit_memory_hard</c>. Options the input does not show take
/// Odoo's defaults only when the configuration is known; a container without a memory limit is not compared.
/// </summary>
internal sealed class OdooMemoryLimitCheck : CrossResourceCheck
{
    private const long MebiByte = 1024L * 1024;

    /// <summary>Odoo's defaults (odoo/tools/config.py): 2560 MiB hard, 2048 MiB soft.</summary>
    private const long DefaultHard = 2560 * MebiByte;

    private const long DefaultSoft = 2048 * MebiByte;

    private readonly long minimumPerWorker;

    public OdooMemoryLimitCheck(CheckParameters parameters)
    {
        var minimum = parameters.GetString("minimumPerWorker") ?? "512Mi";
        minimumPerWorker = KubernetesQuantity.Bytes(minimum) is { } bytes and > 0
            ? bytes
            : throw parameters.Error(parameters.GetScalar("minimumPerWorker"), "minimumPerWorker must be a memory quantity such as 512Mi");
    }

    public override void Judge(CrossResourceIndex index, CrossResourceSink sink)
    {
        foreach (var instance in OdooTopology.For(index).Instances)
        {
            var workers = instance.Setting("workers");
            if ((workers is null && !instance.ConfigKnown) || OdooValues.Integer(workers?.Value ?? "0") is not { } count || count <= 0)
            {
                continue;
            }

            var hard = instance.Setting("limit_memory_hard");
            var soft = instance.Setting("limit_memory_soft");
            if ((hard is null || soft is null) && !instance.ConfigKnown)
            {
                continue;
            }

            if (Bytes(hard, DefaultHard) is not { } hardBytes || Bytes(soft, DefaultSoft) is not { } softBytes)
            {
                continue;
            }

            if (softBytes > hardBytes && (soft is not null || hard is not null))
            {
                var (origin, at) = soft is not null ? (soft.Origin, soft.At) : instance.WhereToAdd;
                Report(sink, origin, at, instance, $"sets limit_memory_soft {Shown(soft, softBytes)} above limit_memory_hard {Shown(hard, hardBytes)}; a worker must be recycled (soft) before its request is killed (hard), so keep soft below hard");
            }

            if (instance.Container.MemoryLimitBytes is not { } containerBytes)
            {
                continue;
            }

            if (Processes(instance, count) is not ({ } processes, { } counted))
            {
                continue;
            }

            if (hardBytes > containerBytes / processes)
            {
                var share = containerBytes / processes;
                var sum = $"limit_memory_hard {Shown(hard, hardBytes)} x {counted} = {MiB(hardBytes * processes)} is above the container's memory limit of {MiB(containerBytes)}, so the container can be OOM-killed before Odoo's own limits act";
                if (share >= minimumPerWorker)
                {
                    var (origin, at) = hard is not null ? (hard.Origin, hard.At) : instance.WhereToAdd;
                    Report(sink, origin, at, instance, $"{sum}; lower limit_memory_hard to at most {MiB(share)} (and limit_memory_soft below it)");
                }
                else
                {
                    Report(sink, instance.Workload.Origin, instance.Container.MemoryLimitAt ?? instance.Container.LimitsAt, instance, $"{sum}; raise the container's memory limit to at least {MiB(hardBytes * processes)} or run fewer workers");
                }
            }
        }
    }

    /// <summary>
    /// The processes the limit applies to: the HTTP workers and the gevent process; for a cron runner (no HTTP workers
    /// are spawned) its cron workers, <c>max_cron_threads</c> (2 by default). Null when the input does not show it.
    /// </summary>
    private static (long? Count, string? Counted) Processes(OdooInstance instance, long workers)
    {
        if (!OdooRoles.IsCronRunner(instance))
        {
            return (workers + 1, $"({workers.ToString(CultureInfo.InvariantCulture)} workers + the gevent process)");
        }

        var cron = instance.Setting("max_cron_threads");
        if ((cron is null && !instance.ConfigKnown) || OdooValues.Integer(cron?.Value ?? "2") is not { } threads || threads <= 0)
        {
            return (null, null);
        }

        return (threads, $"({threads.ToString(CultureInfo.InvariantCulture)} cron workers)");
    }

    private static long? Bytes(OdooSetting? setting, long defaultBytes) =>
        setting is null ? defaultBytes : OdooValues.Integer(setting.Value) is { } bytes and > 0 ? bytes : null;

    private static string Shown(OdooSetting? setting, long bytes) => setting is null ? $"{MiB(bytes)} (Odoo's default)" : MiB(bytes);

    private static string MiB(long bytes) => (bytes / MebiByte).ToString(CultureInfo.InvariantCulture) + " MiB";

    private static void Report(CrossResourceSink sink, FactOrigin origin, FactLocation at, OdooInstance instance, string problem) =>
        sink.Report(origin, at, CrossResourceSink.Argument("odoo", instance.Describe()), CrossResourceSink.Argument("problem", problem));
}
