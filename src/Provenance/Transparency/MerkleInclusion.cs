using System;
using System.Collections.Generic;
using System.Security.Cryptography;

namespace PolicyKit.Provenance.Transparency;

/// <summary>RFC 6962 / RFC 9162 §2.1.3.2: recomputes a Merkle tree root from a leaf, its index and an audit path.</summary>
public static class MerkleInclusion
{
    public static byte[] LeafHash(ReadOnlySpan<byte> leaf)
    {
        var buffer = new byte[leaf.Length + 1];
        leaf.CopyTo(buffer.AsSpan(1));
        return SHA256.HashData(buffer);
    }

    public static byte[] NodeHash(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right)
    {
        Span<byte> buffer = stackalloc byte[1 + 32 + 32];
        buffer[0] = 1;
        left.CopyTo(buffer.Slice(1));
        right.CopyTo(buffer.Slice(33));
        return SHA256.HashData(buffer);
    }

    /// <summary>The root the proof leads to, or null when the proof's shape does not fit the index and tree size.</summary>
    public static byte[]? ComputeRoot(long index, long treeSize, byte[] leafHash, IReadOnlyList<byte[]> proof)
    {
        if (index < 0 || index >= treeSize)
        {
            return null;
        }

        var fn = index;
        var sn = treeSize - 1;
        var root = leafHash;
        foreach (var sibling in proof)
        {
            if (sn == 0 || sibling.Length != 32)
            {
                return null;
            }

            if ((fn & 1) == 1 || fn == sn)
            {
                root = NodeHash(sibling, root);
                while ((fn & 1) == 0 && fn != 0)
                {
                    fn >>= 1;
                    sn >>= 1;
                }
            }
            else
            {
                root = NodeHash(root, sibling);
            }

            fn >>= 1;
            sn >>= 1;
        }

        return sn == 0 ? root : null;
    }
}
