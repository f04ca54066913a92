using System;
using System.Formats.Asn1;
using System.Security.Cryptography;
using PolicyKit.Provenance.Crypto;

namespace PolicyKit.Provenance.Timestamps;

/// <summary>
/// The TSTInfo a timestamp authority signs (RFC 3161 §2.4.2): which hash of which data it saw, and when. Read
/// strictly as DER, as the RFC requires of eContent.
/// </summary>
internal sealed class TimestampInfo
{
    private TimestampInfo(HashAlgorithmName imprintAlgorithm, byte[] imprint, DateTimeOffset time)
    {
        ImprintAlgorithm = imprintAlgorithm;
        Imprint = imprint;
        Time = time;
    }

    /// <summary>The digest of the message imprint.</summary>
    public HashAlgorithmName ImprintAlgorithm { get; }

    /// <summary>The imprint's hashedMessage: the digest of the stamped data.</summary>
    public byte[] Imprint { get; }

    /// <summary>genTime: when the authority stamped it.</summary>
    public DateTimeOffset Time { get; }

    /// <summary>Whether the imprint is the digest of <paramref name="data"/>.</summary>
    public bool Stamps(ReadOnlySpan<byte> data) => DigestAlgorithm.Hash(ImprintAlgorithm, data).AsSpan().SequenceEqual(Imprint);

    /// <exception cref="FormatException">Not a DER TSTInfo v1 with a SHA-2 imprint.</exception>
    /// <exception cref="AsnContentException">Not DER.</exception>
    public static TimestampInfo Read(ReadOnlyMemory<byte> der)
    {
        var outer = new AsnReader(der, AsnEncodingRules.DER);
        var info = outer.ReadSequence();
        outer.ThrowIfNotEmpty();
        if (!info.TryReadInt32(out var version) || version != 1)
        {
            throw new FormatException("TSTInfo version is not 1");
        }

        info.ReadObjectIdentifier(); // policy: any; RFC 3161 leaves its meaning to the verifier's policy.
        var messageImprint = info.ReadSequence();
        var algorithm = messageImprint.ReadSequence();
        var algorithmOid = algorithm.ReadObjectIdentifier();
        if (algorithm.HasData)
        {
            algorithm.ReadNull();
        }

        algorithm.ThrowIfNotEmpty();
        var imprint = messageImprint.ReadOctetString();
        messageImprint.ThrowIfNotEmpty();
        var imprintAlgorithm = DigestAlgorithm.FromOid(algorithmOid) ?? throw new FormatException($"message imprint digest {algorithmOid} is not SHA-2");
        if (imprint.Length != DigestAlgorithm.SizeOf(imprintAlgorithm))
        {
            throw new FormatException("message imprint has the wrong length for its digest");
        }

        info.ReadIntegerBytes(); // serialNumber
        var time = info.ReadGeneralizedTime();

        // accuracy, ordering, nonce, tsa and extensions are optional and judged by no Sigstore client; they must
        // still be well-formed DER values in the TSTInfo's order.
        ReadOptional(info, Asn1Tag.Sequence);
        if (info.HasData && info.PeekTag().HasSameClassAndValue(Asn1Tag.Boolean))
        {
            info.ReadBoolean();
        }

        ReadOptional(info, Asn1Tag.Integer);
        ReadOptional(info, new Asn1Tag(TagClass.ContextSpecific, 0, true));
        ReadOptional(info, new Asn1Tag(TagClass.ContextSpecific, 1, true));
        info.ThrowIfNotEmpty();
        return new TimestampInfo(imprintAlgorithm, imprint, time);
    }

    private static void ReadOptional(AsnReader reader, Asn1Tag tag)
    {
        if (reader.HasData && reader.PeekTag().HasSameClassAndValue(tag))
        {
            reader.ReadEncodedValue();
        }
    }
}
