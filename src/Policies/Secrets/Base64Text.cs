using System;
using System.Text;

namespace PolicyKit.Policies.Secrets;

/// <summary>Decodes the base64 of a Secret's <c>data</c> to judge what it holds, without ever throwing on bad input.</summary>
public static class Base64Text
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Decodes standard, padded base64 (whitespace and line breaks allowed, as in folded YAML).</summary>
    public static bool TryDecode(string value, out byte[] bytes)
    {
        bytes = Array.Empty<byte>();
        var significant = 0;
        var padding = 0;
        foreach (var c in value)
        {
            if (c == ' ' || c == '\n' || c == '\r' || c == '\t')
            {
                continue;
            }

            if (c == '=')
            {
                padding++;
            }
            else if (padding > 0 || !IsBase64Character(c))
            {
                return false;
            }

            significant++;
        }

        if (significant == 0 || significant % 4 != 0 || padding > 2)
        {
            return false;
        }

        try
        {
            bytes = Convert.FromBase64String(value);
            return true;
        }
        catch (FormatException)
        {
            // FormatException's message never quotes the input, but nothing of it is needed here anyway.
            return false;
        }
    }

    /// <summary>Decodes base64 that holds UTF-8 text; false for invalid base64 and for binary content.</summary>
    public static bool TryDecodeText(string value, out string text, out bool isBinary)
    {
        text = string.Empty;
        isBinary = false;
        if (!TryDecode(value, out var bytes))
        {
            return false;
        }

        if (!TryGetText(bytes, out text))
        {
            isBinary = true;
            return false;
        }

        return true;
    }

    /// <summary>UTF-8 text without NUL or other control characters than tab and line breaks.</summary>
    public static bool TryGetText(byte[] bytes, out string text)
    {
        text = string.Empty;
        try
        {
            text = StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (char.IsControl(c) && c != '\n' && c != '\r' && c != '\t')
            {
                text = string.Empty;
                return false;
            }
        }

        return true;
    }

    private static bool IsBase64Character(char c) =>
        (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/';
}
