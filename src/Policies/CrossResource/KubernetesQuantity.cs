using System.Globalization;

namespace PolicyKit.Policies.CrossResource;

/// <summary>Reads Kubernetes resource quantities: CPU (<c>500m</c>, <c>2</c>) and memory (<c>4Gi</c>, <c>512M</c>, <c>1e9</c>).</summary>
internal static class KubernetesQuantity
{
    private static readonly (string Suffix, double Factor)[] Suffixes =
    {
        ("Ki", 1024d), ("Mi", 1024d * 1024), ("Gi", 1024d * 1024 * 1024), ("Ti", 1024d * 1024 * 1024 * 1024),
        ("k", 1e3), ("M", 1e6), ("G", 1e9), ("T", 1e12), ("m", 1e-3),
    };

    public static long? Millicores(string? text) => Read(text, 1000);

    public static long? Bytes(string? text) => Read(text, 1);

    private static long? Read(string? text, double scale)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var value = text!.Trim();
        var factor = 1d;
        foreach (var (suffix, multiplier) in Suffixes)
        {
            if (value.EndsWith(suffix, System.StringComparison.Ordinal))
            {
                factor = multiplier;
                value = value.Substring(0, value.Length - suffix.Length);
                break;
            }
        }

        return double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && number >= 0
            ? (long)System.Math.Round(number * factor * scale)
            : null;
    }
}
