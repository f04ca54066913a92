using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace PolicyKit.Provenance.Tests.Infrastructure;

/// <summary>
/// A DER value as an editable tree, for building negative fixtures out of real signed objects: change a leaf's bytes
/// or replace a subtree, and <see cref="Encode"/> writes every enclosing length again. Single-byte tags and definite
/// lengths only (DER, as Sigstore's timestamp authority writes).
/// </summary>
internal sealed class DerNode
{
    private DerNode(byte tag, byte[] content, List<DerNode>? children)
    {
        Tag = tag;
        Content = content;
        Children = children;
    }

    public byte Tag { get; set; }

    /// <summary>A primitive value's content octets (ignored for constructed values).</summary>
    public byte[] Content { get; set; }

    /// <summary>A constructed value's elements; null for primitive ones.</summary>
    public List<DerNode>? Children { get; }

    public DerNode this[int index] => Children![index];

    public static DerNode Parse(ReadOnlySpan<byte> der)
    {
        var node = Read(der, out var consumed);
        if (consumed != der.Length)
        {
            throw new FormatException("trailing bytes after the DER value");
        }

        return node;
    }

    public byte[] Encode()
    {
        var content = Children is null ? Content : Children.SelectMany(child => child.Encode()).ToArray();
        using var output = new MemoryStream();
        output.WriteByte(Tag);
        if (content.Length < 0x80)
        {
            output.WriteByte((byte)content.Length);
        }
        else
        {
            var length = BitConverter.GetBytes(content.Length).Reverse().SkipWhile(b => b == 0).ToArray();
            output.WriteByte((byte)(0x80 | length.Length));
            output.Write(length);
        }

        output.Write(content);
        return output.ToArray();
    }

    private static DerNode Read(ReadOnlySpan<byte> der, out int consumed)
    {
        var tag = der[0];
        if ((tag & 0x1F) == 0x1F)
        {
            throw new FormatException("multi-byte tags are not supported");
        }

        int length = der[1];
        var offset = 2;
        if (length >= 0x80)
        {
            var count = length & 0x7F;
            length = 0;
            for (var i = 0; i < count; i++)
            {
                length = (length << 8) | der[offset++];
            }
        }

        var content = der.Slice(offset, length);
        consumed = offset + length;
        if ((tag & 0x20) == 0)
        {
            return new DerNode(tag, content.ToArray(), null);
        }

        var children = new List<DerNode>();
        while (!content.IsEmpty)
        {
            children.Add(Read(content, out var used));
            content = content.Slice(used);
        }

        return new DerNode(tag, Array.Empty<byte>(), children);
    }
}
