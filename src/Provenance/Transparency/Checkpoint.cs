using System;
using System.Collections.Generic;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using PolicyKit.Provenance.Trust;
using PolicyKit.Provenance.Verification;

namespace PolicyKit.Provenance.Transparency;

/// <summary>
/// A log checkpoint in the signed-note format (C2SP tlog-checkpoint / signed-note): origin, tree size and root hash,
/// then signature lines "— name base64(keyhint ‖ signature)". Witness cosignatures may follow and are ignored.
/// </summary>
public sealed record Checkpoint(string Origin, long TreeSize, byte[] RootHash, string SignedText, IReadOnlyList<NoteSignature> Signatures)
{
    private const string SignatureLinePrefix = "\u2014 ";

    public static Checkpoint Parse(string envelope)
    {
        var separator = envelope.IndexOf("\n\n", StringComparison.Ordinal);
        if (separator < 0)
        {
            throw new BundleVerificationException("checkpoint: no blank line between the note and its signatures");
        }

        var signedText = envelope.Substring(0, separator + 1);
        var lines = signedText.Split('\n');
        if (lines.Length < 4 || lines[0].Length == 0)
        {
            throw new BundleVerificationException("checkpoint: missing origin, tree size or root hash");
        }

        if (!long.TryParse(lines[1], NumberStyles.None, CultureInfo.InvariantCulture, out var size))
        {
            throw new BundleVerificationException($"checkpoint: tree size '{lines[1]}' is not a number");
        }

        byte[] root;
        try
        {
            root = Convert.FromBase64String(lines[2]);
        }
        catch (FormatException)
        {
            throw new BundleVerificationException("checkpoint: root hash is not base64");
        }

        if (root.Length != 32)
        {
            throw new BundleVerificationException("checkpoint: root hash is not 32 bytes");
        }

        var signatures = new List<NoteSignature>();
        foreach (var line in envelope.Substring(separator + 2).Split('\n'))
        {
            if (line.Length == 0)
            {
                continue;
            }

            if (!line.StartsWith(SignatureLinePrefix, StringComparison.Ordinal))
            {
                throw new BundleVerificationException("checkpoint: malformed signature line");
            }

            var nameEnd = line.LastIndexOf(' ');
            byte[] decoded;
            try
            {
                decoded = Convert.FromBase64String(line.Substring(nameEnd + 1));
            }
            catch (FormatException)
            {
                throw new BundleVerificationException("checkpoint: signature is not base64");
            }

            if (decoded.Length < 5 || nameEnd <= SignatureLinePrefix.Length)
            {
                throw new BundleVerificationException("checkpoint: malformed signature line");
            }

            signatures.Add(new NoteSignature(line.Substring(SignatureLinePrefix.Length, nameEnd - SignatureLinePrefix.Length), decoded.AsSpan(0, 4).ToArray(), decoded.AsSpan(4).ToArray()));
        }

        if (signatures.Count == 0)
        {
            throw new BundleVerificationException("checkpoint has no signature");
        }

        return new Checkpoint(lines[0], size, root, signedText, signatures);
    }

    /// <summary>
    /// Fails unless a signature whose key hint names the log (the first four bytes of its key id) verifies with the
    /// log's key; other signatures (witnesses) are not needed.
    /// </summary>
    public void RequireSignedBy(TrustedLog log)
    {
        var text = Encoding.UTF8.GetBytes(SignedText);
        var hinted = false;
        foreach (var signature in Signatures)
        {
            if (!signature.KeyHint.AsSpan().SequenceEqual(log.KeyId.AsSpan(0, 4)))
            {
                continue;
            }

            hinted = true;
            if (log.Key.VerifyData(text, signature.Signature, HashAlgorithmName.SHA256))
            {
                return;
            }
        }

        throw new BundleVerificationException(hinted
            ? $"checkpoint signature does not verify with the key of {log.BaseUrl}"
            : $"checkpoint has no signature from {log.BaseUrl} (no key hint matches)");
    }
}

/// <summary>One signature line of a signed note.</summary>
public sealed record NoteSignature(string Name, byte[] KeyHint, byte[] Signature);
