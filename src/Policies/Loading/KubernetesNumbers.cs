using System;
using System.Globalization;
using System.Text.RegularExpressions;

namespace PolicyKit.Policies.Loading;

/// <summary>
/// Reads plain numbers as the API server does. Its YAML decoder turns a float with no fraction into the JSON integer
/// (<c>runAsUser: 0.0</c> is stored as <c>0</c>, <c>hostPort: 8e1</c> as <c>80</c>), so checks must see those integers.
/// </summary>
internal static partial class KubernetesNumbers
{
    // The float syntax the Kubernetes YAML decoder (go-yaml) resolves.
    private const string FloatText = @"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$";

#if NET
    private static readonly Regex Float = FloatGenerated();

    [GeneratedRegex(FloatText, RegexOptions.CultureInvariant)]
    private static partial Regex FloatGenerated();
#else
    private static readonly Regex Float = new(FloatText, RegexOptions.CultureInvariant | RegexOptions.Compiled);
#endif

    private const double LargestExactInteger = 9007199254740992d;

    /// <summary>The integer text of an integral float (<c>0.0</c> → <c>0</c>); any other text unchanged.</summary>
    public static string Normalize(string plain)
    {
        if (plain.Length == 0 || !(plain[0] is (>= '0' and <= '9') or '-' or '+' or '.')
            || (plain.IndexOf('.') < 0 && plain.IndexOf('e') < 0 && plain.IndexOf('E') < 0) || !Float.IsMatch(plain))
        {
            return plain;
        }

        if (!double.TryParse(plain, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            || Math.Abs(number) > LargestExactInteger || Math.Floor(number) != number)
        {
            return plain;
        }

        return ((long)number).ToString(CultureInfo.InvariantCulture);
    }
}
