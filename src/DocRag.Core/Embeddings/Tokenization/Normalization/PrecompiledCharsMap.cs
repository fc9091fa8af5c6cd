using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Text;

namespace DocRag.Core.Embeddings.Tokenization.Normalization;

/// <summary>
/// SentencePiece's precompiled normalization map: a darts-clone double-array trie over UTF-8 keys whose values are
/// offsets of NUL-terminated replacements. Blob layout: u32 LE trie size in bytes, the trie units (u32 LE), then the
/// replacement strings.
/// </summary>
internal sealed class PrecompiledCharsMap
{
    private readonly uint[] _units;
    private readonly byte[] _replacements;
    private readonly ConcurrentDictionary<int, string> _decoded = new();

    private PrecompiledCharsMap(uint[] units, byte[] replacements)
    {
        _units = units;
        _replacements = replacements;
    }

    /// <summary>Parses the blob; throws <see cref="FormatException"/> with the reason when it is not one.</summary>
    public static PrecompiledCharsMap Parse(ReadOnlySpan<byte> blob)
    {
        if (blob.Length < 4)
        {
            throw new FormatException("the charsmap is shorter than its 4-byte header");
        }

        var trieBytes = BinaryPrimitives.ReadUInt32LittleEndian(blob);
        if (trieBytes % 4 != 0 || trieBytes > (uint)(blob.Length - 4))
        {
            throw new FormatException($"the charsmap declares a {trieBytes}-byte trie but holds {blob.Length - 4} bytes after its header");
        }

        var units = new uint[trieBytes / 4];
        for (var i = 0; i < units.Length; i++)
        {
            units[i] = BinaryPrimitives.ReadUInt32LittleEndian(blob[(4 + (i * 4))..]);
        }

        var replacements = blob[(4 + (int)trieBytes)..].ToArray();
        try
        {
            _ = new UTF8Encoding(false, throwOnInvalidBytes: true).GetCharCount(replacements);
        }
        catch (DecoderFallbackException ex)
        {
            throw new FormatException("the charsmap's replacement strings are not valid UTF-8", ex);
        }

        return new PrecompiledCharsMap(units, replacements);
    }

    /// <summary>
    /// The replacement of the shortest key that is a prefix of <paramref name="key"/> (darts' first common-prefix
    /// result, which is what the reference uses), or null when no key is.
    /// </summary>
    public string? Find(ReadOnlySpan<byte> key)
    {
        if (_units.Length == 0)
        {
            return null;
        }

        var position = Offset(_units[0]);
        foreach (var b in key)
        {
            if (b == 0)
            {
                break;
            }

            position ^= b;
            if (position >= _units.Length)
            {
                return null;
            }

            var unit = _units[position];
            if ((unit & 0x800000FFu) != b)
            {
                return null;
            }

            position ^= Offset(unit);
            if (((unit >> 8) & 1) == 1 && position < _units.Length)
            {
                return Replacement((int)(_units[position] & 0x7FFFFFFFu));
            }
        }

        return null;
    }

    private static int Offset(uint unit) => (int)((unit >> 10) << (int)((unit & (1u << 9)) >> 6));

    private string? Replacement(int offset)
    {
        if (offset >= _replacements.Length)
        {
            return null;
        }

        return _decoded.GetOrAdd(offset, start =>
        {
            var end = Array.IndexOf(_replacements, (byte)0, start);
            return Encoding.UTF8.GetString(_replacements, start, (end < 0 ? _replacements.Length : end) - start);
        });
    }
}
