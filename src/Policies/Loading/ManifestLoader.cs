using System;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace PolicyKit.Policies.Loading;

/// <summary>Reads a source's bytes into documents, turning every way a file can be unreadable into a located problem.</summary>
public static class ManifestLoader
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static LoadedManifest Load(ManifestSource source, LoaderLimits limits)
    {
        var documents = new List<SourceDocument>();
        var problems = new List<InputProblem>(source.KnownProblems);
        string? decoded = null;
        if (problems.Count > 0)
        {
            return new LoadedManifest(source, documents, problems);
        }

        try
        {
            // A source rendered when read is rendered once here: its size is that of the render.
            var rendered = source.IsRenderedWhenRead ? source.Render() : null;
            if (rendered?.Problem is { } renderProblem)
            {
                problems.Add(renderProblem);
                return new LoadedManifest(source, documents, problems);
            }

            string? text = rendered?.Text is { } built && ReadsAsBuilt(built) ? built : null;
            var length = text is not null ? StrictUtf8.GetByteCount(text) : rendered?.Bytes!.LongLength ?? source.Length;
            if (length > limits.MaxFileBytes)
            {
                problems.Add(new InputProblem(InputProblemKind.FileSize, $"the file is {length} bytes; the limit is {limits.MaxFileBytes}", 1, 1, -1));
            }
            else if (text is not null || TryDecode(rendered?.Bytes ?? source.ReadAllBytes(), problems, out text))
            {
                decoded = text;
                if (source.IsOdooConfig)
                {
                    OdooConfigReader.Read(text, source.DisplayPath, documents);
                }
                else if (rendered?.Documents is { } trees && ReferenceEquals(text, rendered.Text) && CommonYamlReader.ReadsEveryCharacter(text))
                {
                    // Built in process together with its text: the same trees the reader would give, without reading again.
                    documents.AddRange(trees);
                }
                else
                {
                    var isJson = source.IsJson || LooksLikeJson(text);
                    ManifestTextReader.Read(text, isJson, limits, documents, problems);
                }
            }
        }
        catch (IOException exception)
        {
            problems.Add(new InputProblem(InputProblemKind.Encoding, $"the file cannot be read: {exception.Message}", 1, 1, -1));
        }
        catch (UnauthorizedAccessException exception)
        {
            problems.Add(new InputProblem(InputProblemKind.Encoding, $"the file cannot be read: {exception.Message}", 1, 1, -1));
        }

        return new LoadedManifest(source, documents, problems) { Text = decoded };
    }

    /// <summary>
    /// Whether a text built in process reads the same as its UTF-8 bytes would, so the loader may take it as it is: no
    /// NUL, which decoding reports as binary, and no surrogate, which encoding may replace.
    /// </summary>
    private static bool ReadsAsBuilt(string text)
    {
#if NET
        return text.AsSpan().IndexOf('\0') < 0 && text.AsSpan().IndexOfAnyInRange('\uD800', '\uDFFF') < 0;
#else
        foreach (var character in text)
        {
            if (character == '\0' || char.IsSurrogate(character))
            {
                return false;
            }
        }

        return true;
#endif
    }

    private static bool TryDecode(byte[] bytes, List<InputProblem> problems, out string text)
    {
        text = string.Empty;
        var nul = Array.IndexOf(bytes, (byte)0, 0, Math.Min(bytes.Length, 8192));
        if (nul >= 0 || StartsWith(bytes, 0xFF, 0xFE) || StartsWith(bytes, 0xFE, 0xFF))
        {
            var line = LineOfByte(bytes, Math.Max(nul, 0));
            problems.Add(new InputProblem(InputProblemKind.Encoding, "the file is binary or UTF-16; manifests must be UTF-8 text", line, 1, -1));
            return false;
        }

        var offset = StartsWith(bytes, 0xEF, 0xBB, 0xBF) ? 3 : 0;
        try
        {
            text = StrictUtf8.GetString(bytes, offset, bytes.Length - offset);
            return true;
        }
        catch (DecoderFallbackException exception)
        {
            var at = offset + Math.Max(exception.Index, 0);
            problems.Add(new InputProblem(InputProblemKind.Encoding, "the file is not valid UTF-8", LineOfByte(bytes, at), 1, -1));
            return false;
        }
    }

    private static bool LooksLikeJson(string text)
    {
        foreach (var character in text)
        {
            if (!char.IsWhiteSpace(character))
            {
                return character == '{';
            }
        }

        return false;
    }

    private static bool StartsWith(byte[] bytes, params byte[] prefix)
    {
        if (bytes.Length < prefix.Length)
        {
            return false;
        }

        for (var i = 0; i < prefix.Length; i++)
        {
            if (bytes[i] != prefix[i])
            {
                return false;
            }
        }

        return true;
    }

    private static int LineOfByte(byte[] bytes, int index)
    {
        var line = 1;
        for (var i = 0; i < index && i < bytes.Length; i++)
        {
            if (bytes[i] == (byte)'\n')
            {
                line++;
            }
        }

        return line;
    }
}
