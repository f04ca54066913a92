using System;
using System.Globalization;

namespace PolicyKit.Policies.Reports.Metrics;

/// <summary>How the human-readable metric reports print numbers, ratios and times: invariant, and a dash for none.</summary>
internal static class MetricsFormat
{
    public static string Number(double? value) => value is { } number ? Math.Round(number, 2).ToString("0.##", CultureInfo.InvariantCulture) : "–";

    public static string Percent(double? ratio) => ratio is { } value ? (value * 100).ToString("0.#", CultureInfo.InvariantCulture) + " %" : "–";

    public static string Day(DateTimeOffset? time) => time is { } value ? value.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "–";

    public static string Instant(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>"signed/measured (ratio)", or "not measured: why" when a release's images are under no verified provenance policy.</summary>
    public static string ProvenanceCount(Policies.Metrics.ProvenanceFigures figures, int? count, double? ratio) =>
        count is { } value ? $"{value}/{figures.Measured} ({Percent(ratio)})" : figures.NotMeasured is { } reason ? "not measured: " + reason : "–";
}
