using System;
using System.Globalization;
using System.Text.Json;
using PolicyKit.Provenance.Verification;

namespace PolicyKit.Provenance.Bundles;

/// <summary>
/// Strict readers for the protobuf-JSON encoding Sigstore documents use: base64 bytes, int64 as string or number,
/// RFC 3339 timestamps. Every malformed value is rejected with the field's path, never defaulted.
/// </summary>
internal static class JsonFields
{
    public static JsonElement? Optional(JsonElement parent, string name) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? value
            : null;

    public static JsonElement Required(JsonElement parent, string name, string path)
    {
        if (parent.ValueKind != JsonValueKind.Object)
        {
            throw new BundleVerificationException($"{path}: expected an object");
        }

        return Optional(parent, name) ?? throw new BundleVerificationException($"{path}.{name} is missing");
    }

    public static JsonElement RequiredObject(JsonElement parent, string name, string path)
    {
        var value = Required(parent, name, path);
        return value.ValueKind == JsonValueKind.Object ? value : throw new BundleVerificationException($"{path}.{name} must be an object");
    }

    public static JsonElement.ArrayEnumerator RequiredArray(JsonElement parent, string name, string path)
    {
        var value = Required(parent, name, path);
        return value.ValueKind == JsonValueKind.Array ? value.EnumerateArray() : throw new BundleVerificationException($"{path}.{name} must be an array");
    }

    public static string RequiredString(JsonElement parent, string name, string path)
    {
        var value = Required(parent, name, path);
        return value.ValueKind == JsonValueKind.String ? value.GetString()! : throw new BundleVerificationException($"{path}.{name} must be a string");
    }

    public static string? OptionalString(JsonElement parent, string name, string path)
    {
        var value = Optional(parent, name);
        if (value is null)
        {
            return null;
        }

        return value.Value.ValueKind == JsonValueKind.String ? value.Value.GetString() : throw new BundleVerificationException($"{path}.{name} must be a string");
    }

    public static byte[] RequiredBase64(JsonElement parent, string name, string path) =>
        Base64(RequiredString(parent, name, path), $"{path}.{name}");

    public static byte[] Base64(string text, string path)
    {
        try
        {
            return Convert.FromBase64String(text);
        }
        catch (FormatException)
        {
            throw new BundleVerificationException($"{path} is not valid base64");
        }
    }

    /// <summary>An int64 (protobuf JSON writes it as a string, accepts a number); negative values are rejected.</summary>
    public static long RequiredNonNegativeInt64(JsonElement parent, string name, string path) =>
        NonNegativeInt64(Required(parent, name, path), $"{path}.{name}");

    public static long OptionalNonNegativeInt64(JsonElement parent, string name, string path)
    {
        var value = Optional(parent, name);
        return value is null ? 0 : NonNegativeInt64(value.Value, $"{path}.{name}");
    }

    private static long NonNegativeInt64(JsonElement value, string path)
    {
        long parsed;
        if (value.ValueKind == JsonValueKind.String)
        {
            if (!long.TryParse(value.GetString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out parsed))
            {
                throw new BundleVerificationException($"{path} is not an integer");
            }
        }
        else if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt64(out parsed))
        {
            throw new BundleVerificationException($"{path} is not an integer");
        }

        return parsed >= 0 ? parsed : throw new BundleVerificationException($"{path} is negative ({parsed})");
    }

    public static DateTimeOffset? OptionalTimestamp(JsonElement parent, string name, string path)
    {
        var text = OptionalString(parent, name, path);
        if (text is null)
        {
            return null;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed)
            ? parsed
            : throw new BundleVerificationException($"{path}.{name} is not an RFC 3339 timestamp");
    }
}
