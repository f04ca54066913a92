using System.Text.RegularExpressions;

namespace PolicyKit.Policies.Discovery.InProcessKustomize;

/// <summary>
/// What an unquoted scalar becomes once kustomize has decoded it (go-yaml v3) and printed it back through JSON. Only the
/// forms whose printed text is certain are handled; octal, hexadecimal, exponents, timestamps and the like make the
/// build fall back to kustomize itself.
/// </summary>
internal static partial class PlainScalar
{
    private const string CanonicalIntegerText = @"^(0|-?[1-9][0-9]{0,14})$";

#if NET
    private static readonly Regex CanonicalInteger = CanonicalIntegerGenerated();

    [GeneratedRegex(CanonicalIntegerText, RegexOptions.CultureInvariant)]
    private static partial Regex CanonicalIntegerGenerated();
#else
    private static readonly Regex CanonicalInteger = new(CanonicalIntegerText, RegexOptions.CultureInvariant);
#endif

    // At most 15 significant digits, so the shortest text that reads back as the same double is this text without its
    // trailing zeros; at most 6 integer digits and no more than 3 leading fraction zeros, so Go prints it without exponent.
    private const string PlainDecimalText = @"^(-?)(0|[1-9][0-9]{0,5})\.([0-9]{1,9})$";

#if NET
    private static readonly Regex PlainDecimal = PlainDecimalGenerated();

    [GeneratedRegex(PlainDecimalText, RegexOptions.CultureInvariant)]
    private static partial Regex PlainDecimalGenerated();
#else
    private static readonly Regex PlainDecimal = new(PlainDecimalText, RegexOptions.CultureInvariant);
#endif

    private const string IntegerLikeText = @"^[-+]?(0[xX][0-9a-fA-F_]+|0[oO][0-7_]+|0[bB][01_]+|[0-9][0-9_]*)$";

#if NET
    private static readonly Regex IntegerLike = IntegerLikeGenerated();

    [GeneratedRegex(IntegerLikeText, RegexOptions.CultureInvariant)]
    private static partial Regex IntegerLikeGenerated();
#else
    private static readonly Regex IntegerLike = new(IntegerLikeText, RegexOptions.CultureInvariant);
#endif

    private const string FloatLikeText = @"^[-+]?(\.[0-9_]+|[0-9][0-9_]*(\.[0-9_]*)?)([eE][-+]?[0-9]+)?$|^[-+]?\.(inf|Inf|INF)$|^\.(nan|NaN|NAN)$";

#if NET
    private static readonly Regex FloatLike = FloatLikeGenerated();

    [GeneratedRegex(FloatLikeText, RegexOptions.CultureInvariant)]
    private static partial Regex FloatLikeGenerated();
#else
    private static readonly Regex FloatLike = new(FloatLikeText, RegexOptions.CultureInvariant);
#endif

    private const string TimestampLikeText = @"^[0-9]{4}-";

#if NET
    private static readonly Regex TimestampLike = TimestampLikeGenerated();

    [GeneratedRegex(TimestampLikeText, RegexOptions.CultureInvariant)]
    private static partial Regex TimestampLikeGenerated();
#else
    private static readonly Regex TimestampLike = new(TimestampLikeText, RegexOptions.CultureInvariant);
#endif

    private const string SexagesimalText = @"^[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+(\.[0-9_]*)?$";

#if NET
    private static readonly Regex Sexagesimal = SexagesimalGenerated();

    [GeneratedRegex(SexagesimalText, RegexOptions.CultureInvariant)]
    private static partial Regex SexagesimalGenerated();
#else
    private static readonly Regex Sexagesimal = new(SexagesimalText, RegexOptions.CultureInvariant);
#endif

    /// <summary>The rendered scalar for a plain scalar's text, or null when kustomize's printed form is not certain.</summary>
    public static RenderedScalar? Resolve(string value)
    {
        switch (value)
        {
            case "": case "~": case "null": case "Null": case "NULL":
                return RenderedScalar.Canonical("null");
            case "true": case "True": case "TRUE":
                return RenderedScalar.Canonical("true");
            case "false": case "False": case "FALSE":
                return RenderedScalar.Canonical("false");
        }

        if (!MayBeNumeric(value))
        {
            // Most values are names and words: no number, timestamp or sexagesimal starts with a letter.
            return RenderedScalar.String(value);
        }

        if (CanonicalInteger.IsMatch(value))
        {
            return RenderedScalar.Canonical(value);
        }

        if (PlainDecimal.Match(value) is { Success: true } decimalMatch)
        {
            return CanonicalDecimal(decimalMatch.Groups[1].Value, decimalMatch.Groups[2].Value, decimalMatch.Groups[3].Value);
        }

        return LooksNumeric(value) ? null : RenderedScalar.String(value);
    }

    /// <summary>Whether <see cref="Resolve"/> gives a string with the same text, known without allocating.</summary>
    public static bool StaysString(string value)
    {
        switch (value)
        {
            case "": case "~": case "null": case "Null": case "NULL":
            case "true": case "True": case "TRUE":
            case "false": case "False": case "FALSE":
                return false;
        }

        return !MayBeNumeric(value);
    }

    /// <summary>
    /// Whether YAML 1.1 (go-yaml v2, which prints kustomize's output) reads this text as anything but a string, so a
    /// string with this text must be quoted: booleans such as <c>yes</c> and <c>on</c>, nulls, numbers, timestamps.
    /// </summary>
    public static bool ReadsAsNonString(string value)
    {
        switch (value)
        {
            case "": case "~": case "null": case "Null": case "NULL": case "<<":
            case "y": case "Y": case "yes": case "Yes": case "YES":
            case "n": case "N": case "no": case "No": case "NO":
            case "true": case "True": case "TRUE":
            case "false": case "False": case "FALSE":
            case "on": case "On": case "ON":
            case "off": case "Off": case "OFF":
                return true;
        }

        return MayBeNumeric(value) && (LooksNumeric(value) || Sexagesimal.IsMatch(value));
    }

    private static bool MayBeNumeric(string value) => value.Length > 0 && (char.IsDigit(value[0]) || value[0] is '-' or '+' or '.');

    private static bool LooksNumeric(string value) =>
        MayBeNumeric(value) && (IntegerLike.IsMatch(value) || FloatLike.IsMatch(value) || TimestampLike.IsMatch(value));

    private static RenderedScalar? CanonicalDecimal(string sign, string integer, string fraction)
    {
        var trimmed = fraction.TrimEnd('0');
        if (trimmed.Length == 0)
        {
            // A whole number printed by JSON as an integer; "-0.0" would print as "-0", which is left to kustomize.
            return sign.Length > 0 && integer == "0" ? null : RenderedScalar.Canonical(sign + integer);
        }

        if (integer == "0" && trimmed.Length - trimmed.TrimStart('0').Length > 3)
        {
            return null;
        }

        return RenderedScalar.Canonical(sign + integer + "." + trimmed);
    }
}
